package io.bitforge.pe.bitfusion;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two fusible units the {@code bitfusion} family models. Both fuse narrow multipliers into one 8-bit unit
 * (p_max = 8); they differ in the narrowest multiplier (p_min):
 * <ul>
 *   <li>{@link #BITFUSION}: Bit Fusion's Fusion Unit of 16 BitBricks, 2 bit × 2 bit (Sharma et al., ISCA 2018;
 *       hsharma35/bitfusion {@code bf_e_conf.ini}: high_prec 8, low_prec 2);</li>
 *   <li>{@link #ANT}: ANT's unified PE, four 4 bit × 4 bit multipliers with shifters fused for 8-bit work
 *       (Guo et al., MICRO 2022; clevercool/ANT-Quantization {@code ant_simulator/conf_ant.ini}: high_prec 8,
 *       low_prec 4), whose 4-bit operands are decoded from int/flint codes to exponent–integer pairs.</li>
 * </ul>
 */
public enum BitFusionVariant {
    BITFUSION("bitfusion", 2), ANT("ant", 4);

    /** Widest operand a unit multiplies in one product (both artefacts: high_prec = 8). */
    public static final int MAX_BITS = 8;

    private final String id;
    private final int minBits;

    BitFusionVariant(String id, int minBits) {
        this.id = id;
        this.minBits = minBits;
    }

    public String id() {
        return id;
    }

    /** p_min: the width of one narrow multiplier (a BitBrick's 2 bits, ANT's 4 bits). */
    public int minBits() {
        return minBits;
    }

    /** Narrow multipliers fused into one unit: (p_max / p_min)², 16 BitBricks or 4 ANT multipliers. */
    public int multipliersPerUnit() {
        int perSide = MAX_BITS / minBits;
        return perSide * perSide;
    }

    /**
     * How many operands of {@code bits} bits one side of the unit takes per cycle:
     * {@code floor(p_max / max(bits, p_min))}, the rule of hsharma35/bitfusion
     * {@code bitfusion/src/simulator/simulator.py get_perf_factor}.
     */
    public int operandsPerCycle(int bits) {
        return MAX_BITS / Math.max(bits, minBits);
    }

    /** Products one unit completes per cycle at these operand widths: f(b_a)·f(b_w). */
    public int productsPerCycle(int activationBits, int weightBits) {
        return operandsPerCycle(activationBits) * operandsPerCycle(weightBits);
    }

    public static Optional<BitFusionVariant> fromId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(BitFusionVariant::id).collect(Collectors.joining(", "));
    }
}
