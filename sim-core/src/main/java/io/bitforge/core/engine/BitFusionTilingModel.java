package io.bitforge.core.engine;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DRAM traffic and stalls as the Bit Fusion simulator and its derivatives (ANT's and MixPE's artefacts) compute
 * them for an output-stationary GEMM (hsharma35/bitfusion {@code bitfusion/src/optimizer/optimizer.py}
 * {@code optimize_for_order} and {@code get_stats_fast}; the same file in clevercool/ANT-Quantization
 * {@code ant_simulator}): a search over tilings of M (the artefact's batch), K (input channels) and N (output
 * channels) into power-of-two tiles and over the loop orders of those tiles, keeping the fastest, the cheapest on
 * memory energy among equally fast ones.
 *
 * <p>Per tiling: a tile of {@code b × ic} activations ({@code ic} padded to cols × f_a) and {@code ic × oc} weights
 * ({@code ic} padded to rows × f_w) must fit half its buffer. Walking the loops from the innermost, a tile's
 * DRAM fill grows by each loop it depends on while it fits half its buffer; after the first loop it does not fit,
 * every outer loop multiplies it (the artefact's promotion rule). Outputs go back to DRAM at 16 bits.
 * Cycles = compute + max(0, middle traffic / interface width − compute) + latency, where compute sums the tiles'
 * {@code ceil(b/(rows·f_a))·ceil(oc/(cols·f_w))·ic} (f: the cell's M and N lanes), latency is the first tile's
 * fill plus the last tile's write-back over the interface and the middle traffic is everything else. The engine's
 * fold schedule counts the untiled compute; what the chosen tiling adds over it (its stalls and any tile padding)
 * is returned as stall cycles.
 *
 * <p>Ties on cycles are broken by the artefact's memory energy ({@code stats.py get_energy}): SRAM accesses × the
 * given SRAM model's energy per bit, DRAM reads × 1.18294/1024 nJ and writes × 1.47797/1024 nJ per bit (the
 * figures in that function). The artefact's tie-break also weighs PE energy; that term is the same for tilings of
 * equal cycles unless their stalls differ, and is left out. Convolutions are tiled as their lowered GEMM (M =
 * batch × output pixels), where the artefact tiles output rows and columns. DRAM energy is traffic × the spec's
 * DRAM energy per bit; the interface width is its bytes per cycle.
 */
public final class BitFusionTilingModel implements MemoryModel {
    /** stats.py get_energy: DRAM read energy in nJ per bit (tie-break only). */
    private static final double TIE_BREAK_DRAM_READ_NANOJOULES_PER_BIT = 1.18294 / 1024;
    /** stats.py get_energy: DRAM write energy in nJ per bit (tie-break only). */
    private static final double TIE_BREAK_DRAM_WRITE_NANOJOULES_PER_BIT = 1.47797 / 1024;
    /** optimizer.py get_stats_fast: outputs travel at 16 bits (oprec). */
    private static final int OUTPUT_BITS = 16;
    private static final CostSource SOURCE = new CostSource("bitfusion-tiling", "Bit Fusion simulator tiling search "
            + "(hsharma35/bitfusion bitfusion/src/optimizer/optimizer.py get_stats_fast, optimize_for_order)",
            "off-chip", false);
    private final SramEnergyModel sram;
    private final Map<List<Object>, Stats> chosen = new ConcurrentHashMap<>();

    /** @param sram SRAM energy per bit, used only to break ties between equally fast tilings */
    public BitFusionTilingModel(SramEnergyModel sram) {
        this.sram = Objects.requireNonNull(sram, "sram");
    }

    /** A tiling's traffic (bits) and cycles, the artefact's {@code Stats}. */
    record Stats(long cycles, long stallCycles, long computeCycles, long weightFillBits, long activationFillBits,
                 long outputWritebackBits, long activationReadBits, long weightReadBits, long outputAccessBits) {
        long dramBits() {
            return weightFillBits + activationFillBits + outputWritebackBits;
        }
    }

    /** The artefact moves weights at their code width, so {@code bits}' stored width is not used. */
    @Override
    public MemoryCost gemm(HardwareSpec spec, GemmOp op, OperandBits bits, ArrayMetrics metrics) {
        DramSpec.Custom dram = dram(spec);
        CellTiming timing = metrics.timing();
        List<Object> key = List.of(spec, op.m(), op.k(), op.n(), op.activations().bits(), op.weights().bits(), timing);
        Stats best = chosen.computeIfAbsent(key, unused -> best(spec, op, timing));
        long schedule = Math.multiplyExact(metrics.folds(), metrics.foldCycles());
        long stalls = Math.max(0, best.cycles() - schedule);
        return new MemoryCost(stalls, best.activationFillBits() / 8, best.weightFillBits() / 8,
                best.outputWritebackBits() / 8, best.dramBits() * dram.picojoulesPerBit(), List.of(SOURCE));
    }

    @Override
    public MemoryCost vector(HardwareSpec spec, VectorOp op, long vectorCycles) {
        return MemoryCost.NONE;
    }

    /** The chosen tiling's figures for one instance of {@code op}. */
    Stats best(HardwareSpec spec, GemmOp op, CellTiming timing) {
        if (spec.dataflow() != Dataflow.OS) {
            throw new BadInputException("hardware.dataflow: memory bitfusion-tiling models output-stationary arrays "
                    + "(the Bit Fusion simulator's), got " + spec.dataflow().id());
        }
        TieBreak costs = new TieBreak(spec, sram);
        Stats best = null;
        double bestEnergy = 0;
        for (List<Loop> order : Loop.ORDERS) {
            for (long b : tiles(op.m())) {
                for (long ic : tiles(op.k())) {
                    for (long oc : tiles(op.n())) {
                        Stats stats = stats(spec, op, timing, order, b, ic, oc);
                        if (stats == null) {
                            continue;
                        }
                        double energy = costs.nanojoules(stats);
                        if (best == null || stats.cycles() < best.cycles()
                                || (stats.cycles() == best.cycles() && energy < bestEnergy)) {
                            best = stats;
                            bestEnergy = energy;
                        }
                    }
                }
            }
        }
        if (best == null) {
            BufferSpecs buffers = spec.buffers();
            throw new BadInputException("hardware.buffers: too small for " + op.name() + " under memory "
                    + "bitfusion-tiling: not even a 1 x 1 x 1 tile (padded to the array) fits half of each buffer, "
                    + "got activations " + buffers.activations().bytes() + " B, weights "
                    + buffers.weights().bytes() + " B");
        }
        return best;
    }

    /** Tile sizes the artefact tries for an extent: min(2^i, extent) for i = 0 .. ceil(log2 extent). */
    static long[] tiles(long extent) {
        int exponents = 64 - Long.numberOfLeadingZeros(extent - 1) + 1;
        long[] sizes = new long[exponents];
        for (int i = 0; i < exponents; i++) {
            sizes[i] = Math.min(1L << i, extent);
        }
        return sizes;
    }

    private static Stats stats(HardwareSpec spec, GemmOp op, CellTiming timing, List<Loop> order, long b, long ic,
                               long oc) {
        int rows = spec.array().rows();
        int cols = spec.array().cols();
        long activationBits = op.activations().bits();
        long weightBits = op.weights().bits();
        BufferSpecs buffers = spec.buffers();
        double[] halfBuffer = {buffers.activations().bytes() * 4.0, buffers.weights().bytes() * 4.0,
                buffers.outputs().bytes() * 4.0};
        long weightPad = (long) rows * timing.lanesN();
        long activationPad = (long) cols * timing.lanesM();
        // per-tile fills: [activations, weights, outputs] in Operand order; outputs are read back, never filled
        long[] fill = {ceil(ic, activationPad) * activationPad * b * activationBits,
                ceil(ic, weightPad) * weightPad * oc * weightBits, 0};
        long writeBack = oc * b * OUTPUT_BITS;
        if (fill[0] > halfBuffer[0] || fill[1] > halfBuffer[1]) {
            return null;
        }
        long[] firstFill = fill.clone();
        long lastWriteBack = writeBack;
        boolean[] promoting = {true, true, true};
        boolean writeBackPromoting = true;
        for (int i = order.size() - 1; i >= 0; i--) {
            Loop loop = order.get(i);
            long count = loop.count(op, b, ic, oc);
            for (Operand operand : Operand.values()) {
                int o = operand.ordinal();
                if (!promoting[o]) {
                    fill[o] = Math.multiplyExact(fill[o], count);
                } else if (loop.dependsOn(operand)) {
                    fill[o] = Math.multiplyExact(fill[o], count);
                    if (fill[o] > halfBuffer[o]) {
                        promoting[o] = false;
                    } else {
                        firstFill[o] = fill[o];
                    }
                }
            }
            if (!writeBackPromoting) {
                writeBack = Math.multiplyExact(writeBack, count);
            } else if (loop.dependsOn(Operand.OUTPUTS)) {
                writeBack = Math.multiplyExact(writeBack, count);
                if (writeBack > halfBuffer[2]) {
                    writeBackPromoting = false;
                } else {
                    // the artefact records the output *fill* (always 0) as the last write-back here
                    lastWriteBack = fill[2];
                }
            }
        }
        long tiles = Math.multiplyExact(Math.multiplyExact(ceil(op.m(), b), ceil(op.k(), ic)), ceil(op.n(), oc));
        long tileMacs = Math.multiplyExact(Math.multiplyExact(tiles, b * oc), ic);
        long tileOutputs = Math.multiplyExact(tiles, oc * b * OUTPUT_BITS);
        long compute = Math.multiplyExact(tiles, ceil(b, (long) rows * timing.lanesM())
                * ceil(oc, (long) cols * timing.lanesN()) * ceil(ic, timing.lanesK()) * timing.cyclesPerStep());
        long initial = firstFill[0] + firstFill[1] + firstFill[2];
        long total = fill[0] + fill[1] + fill[2] + writeBack;
        long interfaceBits = interfaceBits(spec);
        long latency = ceil(initial, interfaceBits) + ceil(lastWriteBack, interfaceBits);
        long middle = Math.max(0, total - initial - lastWriteBack);
        long stalls = Math.max(0, ceil(middle, interfaceBits) - compute) + latency;
        return new Stats(compute + stalls, stalls, compute, fill[1], fill[0], writeBack,
                Math.multiplyExact(tileMacs, activationBits), Math.multiplyExact(tileMacs, weightBits),
                Math.multiplyExact(2, tileOutputs));
    }

    private static long interfaceBits(HardwareSpec spec) {
        return Math.max(1, Math.round(dram(spec).bytesPerCycle() * 8));
    }

    private static DramSpec.Custom dram(HardwareSpec spec) {
        if (spec.dram() instanceof DramSpec.Custom custom) {
            return custom;
        }
        throw new BadInputException("hardware.dram: memory bitfusion-tiling needs dram: {custom: {bytesPerCycle, "
                + "latencyNanoseconds, picojoulesPerBit, capacityGibibytes}} (its interface width and energy per "
                + "bit), got a preset");
    }

    private static long ceil(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * The artefact's loops: B/b, IC/ic and OC/oc (M, K, N here) and its output-pixel loops OW/ow and OH/oh, which
     * have one tile for a GEMM. A one-tile loop changes no fill, but it still decides whether the output tile
     * still fits its buffer (the artefact checks the write-back only when a loop it depends on is walked), so its
     * position matters; the two pixel loops act as one, whichever is innermost.
     */
    enum Loop {
        M(Operand.ACTIVATIONS, Operand.OUTPUTS), K(Operand.ACTIVATIONS, Operand.WEIGHTS),
        N(Operand.WEIGHTS, Operand.OUTPUTS), PIXELS(Operand.ACTIVATIONS, Operand.OUTPUTS);

        /** Every loop order, outermost first. */
        static final List<List<Loop>> ORDERS = permutations(List.of(values()));

        private final Set<Operand> operands;

        Loop(Operand first, Operand second) {
            this.operands = Set.of(first, second);
        }

        /** optimizer.py tile_deps: whether a tile of this operand changes with this loop. */
        boolean dependsOn(Operand operand) {
            return operands.contains(operand);
        }

        long count(GemmOp op, long b, long ic, long oc) {
            return switch (this) {
                case M -> ceil(op.m(), b);
                case K -> ceil(op.k(), ic);
                case N -> ceil(op.n(), oc);
                case PIXELS -> 1;
            };
        }

        private static List<List<Loop>> permutations(List<Loop> loops) {
            if (loops.size() == 1) {
                return List.of(loops);
            }
            List<List<Loop>> orders = new ArrayList<>();
            for (Loop first : loops) {
                List<Loop> rest = new ArrayList<>(loops);
                rest.remove(first);
                for (List<Loop> tail : permutations(rest)) {
                    List<Loop> order = new ArrayList<>(List.of(first));
                    order.addAll(tail);
                    orders.add(List.copyOf(order));
                }
            }
            return List.copyOf(orders);
        }
    }

    /** The artefact's tie-break energy over one tiling's accesses, in nJ. */
    private record TieBreak(double[] readPerBit, double[] writePerBit) {
        TieBreak(HardwareSpec spec, SramEnergyModel sram) {
            this(perBit(spec, sram, true), perBit(spec, sram, false));
        }

        private static double[] perBit(HardwareSpec spec, SramEnergyModel sram, boolean read) {
            double[] figures = new double[3];
            for (Operand operand : Operand.values()) {
                var buffer = spec.buffers().of(operand);
                figures[operand.ordinal()] = (read ? sram.readPicojoulesPerBit(buffer)
                        : sram.writePicojoulesPerBit(buffer)) / 1000.0;
            }
            return figures;
        }

        double nanojoules(Stats s) {
            int a = Operand.ACTIVATIONS.ordinal();
            int w = Operand.WEIGHTS.ordinal();
            int o = Operand.OUTPUTS.ordinal();
            return s.activationReadBits() * readPerBit[a] + s.activationFillBits() * writePerBit[a]
                    + s.weightReadBits() * readPerBit[w] + s.weightFillBits() * writePerBit[w]
                    + s.outputAccessBits() / 2.0 * (readPerBit[o] + writePerBit[o])
                    + s.outputWritebackBits() * readPerBit[o]
                    + (s.activationFillBits() + s.weightFillBits()) * TIE_BREAK_DRAM_READ_NANOJOULES_PER_BIT
                    + s.outputWritebackBits() * TIE_BREAK_DRAM_WRITE_NANOJOULES_PER_BIT;
        }
    }
}
