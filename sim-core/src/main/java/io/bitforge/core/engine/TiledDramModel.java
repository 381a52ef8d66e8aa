package io.bitforge.core.engine;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.memory.MemoryPreset;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BitForge's general DRAM model for GEMMs (not the SCALE-Sim compatibility mode): each GEMM is tiled to fit the
 * double-buffered operand SRAMs by the {@link Mapper} of the run's {@link Mapping} (the {@link TilerSearch} for the
 * least DRAM traffic unless tiles are fixed), and {@link DoubleBufferedSchedule} overlaps every tile's transfers with the previous tile's compute.
 *
 * <p>The array keeps the engine's fold schedule (SCALE-Sim's: the SRAMs stream the operands, tiling only decides
 * what DRAM brings in when), so each tile step is given the share of the GEMM's fold-schedule cycles that its
 * MACs are of the GEMM's MACs (rounded to whole cycles; an approximation of where in the fold schedule a tile's
 * MACs fall). The memory stall the engine charges is the DRAM stall of that timeline. With unlimited bandwidth
 * nothing stalls, the timeline reports the bandwidth that would be stall-free, and every cycle figure is the
 * engine's stall-free one (SCALE-Sim's). DRAM energy is bytes moved (rounded up to bursts) × 8 × the DRAM's
 * energy per bit. Operands move at the widths the engine hands over ({@link OperandBits#of}): weights at the PE
 * family's stored width (code bits plus per-group metadata, possibly fractional), partial sums spilled to DRAM at
 * max(32, output bits) bits (an accumulator width; an assumption, not a published figure). Vector ops are assumed to work on on-chip data: no DRAM traffic.
 */
public final class TiledDramModel implements MemoryModel {
    private final OptionalDouble bandwidthBytesPerCycle;
    private final int burstBytes;
    private final double picojoulesPerBit;
    private final List<CostSource> sources;
    private final Mapping mapping;
    private final Map<List<Object>, GemmMemoryPlan> plans = new ConcurrentHashMap<>();

    /**
     * @param bandwidthBytesPerCycle DRAM bandwidth in bytes per array cycle; empty for unlimited
     * @param burstBytes             transfers are rounded up to whole bursts of this many bytes
     */
    public TiledDramModel(OptionalDouble bandwidthBytesPerCycle, int burstBytes, double picojoulesPerBit,
                          List<CostSource> sources) {
        this(bandwidthBytesPerCycle, burstBytes, picojoulesPerBit, sources, null);
    }

    /**
     * @param mapping the mapping whose {@link Mapper} tiles every GEMM; null for each spec's own (deprecated)
     *                {@code mapping:} block
     */
    private TiledDramModel(OptionalDouble bandwidthBytesPerCycle, int burstBytes, double picojoulesPerBit,
                           List<CostSource> sources, Mapping mapping) {
        this.mapping = mapping;
        this.bandwidthBytesPerCycle = bandwidthBytesPerCycle;
        this.burstBytes = burstBytes;
        this.picojoulesPerBit = picojoulesPerBit;
        this.sources = List.copyOf(sources);
        if (burstBytes < 1 || !(picojoulesPerBit >= 0)) {
            throw new IllegalArgumentException("burst >= 1 byte and energy >= 0 needed");
        }
    }

    /**
     * The model for a spec's DRAM: a registry preset gives the burst size and energy per bit, custom DRAM its
     * energy per bit (bursts of one byte). {@code bandwidthBytesPerCycle} empty means unlimited bandwidth; use
     * {@link #specBandwidth(HardwareSpec, Registry)} for the DRAM's own sustained bandwidth.
     */
    public static TiledDramModel of(HardwareSpec spec, Registry registry, OptionalDouble bandwidthBytesPerCycle) {
        if (spec.dram() instanceof DramSpec.Preset preset) {
            MemoryPreset memory = preset(registry, preset);
            CostSource source = new CostSource("dram-" + memory.id(), memory.description() + ": "
                    + memory.source(), "off-chip", true);
            return new TiledDramModel(bandwidthBytesPerCycle, memory.burstBytes(), memory.picojoulesPerBit(),
                    List.of(source));
        }
        DramSpec.Custom custom = (DramSpec.Custom) spec.dram();
        CostSource source = new CostSource("dram-custom", "hardware.dram: custom figures given in the spec",
                "off-chip", true);
        return new TiledDramModel(bandwidthBytesPerCycle, 1, custom.picojoulesPerBit(), List.of(source));
    }

    /** The same DRAM tiling every GEMM with {@code newMapping}'s mapper instead of the spec's block. */
    public TiledDramModel withMapping(Mapping newMapping) {
        return new TiledDramModel(bandwidthBytesPerCycle, burstBytes, picojoulesPerBit, sources,
                Objects.requireNonNull(newMapping, "mapping"));
    }

    /** The sustained bandwidth of the spec's DRAM in bytes per array cycle. */
    public static double specBandwidth(HardwareSpec spec, Registry registry) {
        if (spec.dram() instanceof DramSpec.Preset preset) {
            return preset(registry, preset).sustainedBytesPerCycle(spec.clockHertz());
        }
        return ((DramSpec.Custom) spec.dram()).bytesPerCycle();
    }

    private static MemoryPreset preset(Registry registry, DramSpec.Preset preset) {
        return registry.memory(preset.id()).orElseThrow(() -> new BadInputException("hardware.dram.preset: must "
                + "be a registered memory preset (" + String.join(", ", registry.ids(CatalogKind.MEMORIES))
                + "), got '" + preset.id() + "'"));
    }

    @Override
    public MemoryCost gemm(HardwareSpec spec, GemmOp op, OperandBits stored, ArrayMetrics metrics) {
        GemmMemoryPlan plan = plan(spec, op, stored, metrics);
        var traffic = plan.timeline().traffic();
        long outputBytes = traffic.ofmapWriteBytes() + traffic.ofmapReadBytes();
        double picojoules = traffic.totalBytes() * 8.0 * picojoulesPerBit;
        return new MemoryCost(plan.memoryStallCycles(), traffic.ifmapReadBytes(), traffic.filterReadBytes(),
                outputBytes, picojoules, sources);
    }

    @Override
    public MemoryCost vector(HardwareSpec spec, VectorOp op, long vectorCycles) {
        return MemoryCost.NONE;
    }

    /**
     * The tiling and timeline of one GEMM instance on {@code spec}, given its untiled fold schedule and the bits
     * its operands are stored at ({@link OperandBits#of}, with the family's stored weight width for B).
     */
    public GemmMemoryPlan plan(HardwareSpec spec, GemmOp op, OperandBits bits, ArrayMetrics metrics) {
        // the plan depends on the schedule only through its length
        List<Object> key = List.of(spec, op.m(), op.k(), op.n(), bits,
                Math.multiplyExact(metrics.folds(), metrics.foldCycles()));
        return plans.computeIfAbsent(key, unused -> computePlan(spec, op, bits, metrics));
    }

    private GemmMemoryPlan computePlan(HardwareSpec spec, GemmOp op, OperandBits bits, ArrayMetrics metrics) {
        BufferSpecs b = spec.buffers();
        BufferBytes buffers = new BufferBytes(b.activations().bytes(), b.weights().bytes(), b.outputs().bytes());
        long scheduleCycles = Math.multiplyExact(metrics.folds(), metrics.foldCycles());
        double cyclesPerMac = scheduleCycles / ((double) op.m() * op.k() * op.n());
        TileCycles tileCycles = (m, k, n) -> Math.round(m * k * (double) n * cyclesPerMac);
        Mapping mapping = this.mapping != null ? this.mapping : Mapping.of(spec.mapping());
        TilePins pins = mapping.pins();
        Optional<GemmTiling> chosen = mapping.mapper().tile(op.m(), op.k(), op.n(), bits, buffers);
        GemmTiling tiling = chosen.orElseThrow(() -> noFit(spec, op, bits, buffers, pins));
        MemoryTimeline timeline = DoubleBufferedSchedule.run(tiling, tileCycles, bandwidthBytesPerCycle,
                burstBytes);
        return new GemmMemoryPlan(tiling, timeline);
    }

    private static BadInputException noFit(HardwareSpec spec, GemmOp op, OperandBits bits, BufferBytes buffers,
                                           TilePins pins) {
        if (!pins.equals(TilePins.NONE)) {
            GemmTile pinned = new GemmTile(Math.min(pins.m().orElse(1), op.m()), Math.min(pins.k().orElse(1), op.k()),
                    Math.min(pins.n().orElse(1), op.n()));
            String why = GemmTiler.whyNotFitting(pinned, op.k(), bits, buffers)
                    .orElse("no tiling within the pins fits the buffers");
            return new BadInputException("mapping: the pinned tiling does not fit " + op.name() + " (M="
                    + op.m() + " K=" + op.k() + " N=" + op.n() + "): " + why);
        }
        return new BadInputException("hardware.buffers: too small for " + op.name() + ": not even a 1 x 1 x 1 "
                + "tile fits half of each buffer (double buffering), got activations " + buffers.activations()
                + " B, weights " + buffers.weights() + " B, outputs " + buffers.outputs() + " B");
    }
}
