package io.bitforge.roofline.lut;

/**
 * The instruction budget of a CPU LUT kernel for low-bit GEMV (T-MAC, Wei et al., EuroSys 2025; microsoft/T-MAC
 * {@code python/t_mac/intrins/tbl.cc}). Activations are taken {@code weightsPerLookup} at a time (T-MAC's g = 4) and
 * every 4-bit pattern of one weight bit plane indexes a 16-entry INT8 table held in a register; one 128-bit TBL
 * instruction does {@code lookupsPerInstruction} (16) lookups. Per 16 bytes of packed indices (32 lookups) the
 * kernel's inner loop issues one shift and one AND to unpack the indices, two TBLs and the accumulation: four
 * widening INT8→INT16 adds without fast aggregation (T-MAC's default, its README's figures), two halving adds with
 * it ({@code SignedHalvingAdder}). So 8 or 6 SIMD instructions per 32 lookups: {@code simdInstructionsPerLookupVector}
 * 4 or 3 per 16 lookups. The per-block conversion to FP16 and the scale FMAs are amortised over the tables of a block
 * and not counted: the rate is an upper bound (a roof).
 *
 * @param weightsPerLookup               weights one lookup covers (T-MAC's activation group g)
 * @param lookupsPerInstruction          lookups one TBL instruction does (128-bit vector of INT8 entries)
 * @param simdInstructionsPerLookupVector SIMD instructions the kernel issues per TBL's worth of lookups
 */
public record LutKernel(int weightsPerLookup, int lookupsPerInstruction, double simdInstructionsPerLookupVector) {

    /** T-MAC's kernel as its README measures it: g = 4, 16-lane TBL, no fast aggregation (tbl.cc). */
    public static final LutKernel T_MAC = new LutKernel(4, 16, 4);

    public LutKernel {
        if (weightsPerLookup < 1 || lookupsPerInstruction < 1 || !(simdInstructionsPerLookupVector >= 1)) {
            throw new IllegalArgumentException("LUT kernel parameters must be positive (instructions at least 1)");
        }
    }

    /** Lookups one core does per cycle with {@code simdPipes} pipes issuing one SIMD instruction each. */
    public double lookupsPerCoreCycle(int simdPipes) {
        return lookupsPerInstruction * simdPipes / simdInstructionsPerLookupVector;
    }

    /** Lookups one token's GEMV over {@code weights} weights of {@code bits} bits takes: one per bit per group. */
    public double lookups(long weights, int bits) {
        return (double) weights / weightsPerLookup * bits;
    }
}
