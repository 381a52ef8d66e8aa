package io.bitforge.verilog.area;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.ladder.FamilySpecs;
import io.bitforge.verilog.ladder.PeDesign;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The area table: for every PE family with RTL, at every precision mode its presets use ({@link FamilySpecs}), the
 * modelled cell area (the family's {@link PeFamily#cellCost}, scaled with Stillmaker &amp; Baas to the node of the
 * reference cell) beside the technology-independent gate count of the same cell's RTL ({@link GenericSynthesis}),
 * both as ratios to the {@code mac-int} INT8 cell. Only the array cell is compared: edge units (OliVe's decoders),
 * buffers and controllers are outside both columns.
 */
public record AreaTable(String referenceNode, List<AreaRow> rows) {
    /** The reference cell every ratio divides by: mac-int at INT8 x INT8. */
    public static final String REFERENCE_FAMILY = "mac-int";
    private static final String REFERENCE_MODE = "w8sa8s";
    private static final String FALLBACK_PRESET = "tpu-like-int8";

    public AreaTable {
        rows = List.copyOf(rows);
    }

    /**
     * Builds the table for {@code families} (empty: every family with RTL; the reference is always included);
     * Verilog and Yosys reports go under {@code dir}, skipped modes are reported to {@code notes}.
     */
    public static AreaTable build(Registry registry, PeRtlRegistry rtl, List<String> families, Path dir,
                                  Consumer<String> notes) {
        List<String> wanted = new ArrayList<>();
        wanted.add(REFERENCE_FAMILY);
        for (String f : families.isEmpty() ? rtl.families() : families) {
            if (!wanted.contains(f)) {
                wanted.add(f);
            }
        }
        List<Measured> measured = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : wanted) {
            rtl.require("family", id);
            PeFamily family = registry.peFamily(id).orElseThrow(() -> new BadInputException("family: no PE family '"
                    + id + "'"));
            for (HardwareSpec preset : FamilySpecs.of(registry, family, FALLBACK_PRESET)) {
                if (preset.dataflow() != Dataflow.OS) {
                    continue;
                }
                List<String> standIn = new ArrayList<>();
                HardwareSpec spec = PeDesign.withRtlParams(preset, rtl, standIn::add);
                PeRtl pe;
                try {
                    pe = PeDesign.forSpec(spec, rtl);
                } catch (BadInputException e) {
                    notes.accept(preset.name() + ": no RTL (" + e.getMessage() + ")");
                    continue;
                }
                if (!seen.add(id + "/" + pe.modeName())) {
                    continue;
                }
                measured.add(measure(family, spec, pe, dir, standIn.isEmpty() ? null : String.join("; ", standIn)));
            }
        }
        Measured reference = measured.stream().filter(m -> m.family.equals(REFERENCE_FAMILY)
                && m.pe.modeName().equals(REFERENCE_MODE)).findFirst().orElseThrow(() -> new IllegalStateException(
                "no mac-int INT8 cell to divide by"));
        TechNode node = reference.cost.node();
        double refModelled = reference.cost.cellSquareMicrometres();
        double refGates = reference.gates.totalNand2Equivalents();
        List<AreaRow> rows = new ArrayList<>();
        for (Measured m : measured) {
            double scaled = m.cost.cellSquareMicrometres() * TechScaling.areaFactor(m.cost.node(), node);
            List<CostSource> sources = new ArrayList<>(m.cost.sources());
            TechScaling.sourceFor(m.cost.node(), node).ifPresent(sources::add);
            rows.add(new AreaRow(m.family, m.pe.modeName(), m.precision, m.spec, m.cost.cellSquareMicrometres(),
                    m.cost.node().id(), scaled, sources, m.gates, scaled / refModelled,
                    m.gates.totalNand2Equivalents() / refGates, m.note));
        }
        return new AreaTable(node.id(), rows);
    }

    private record Measured(String family, String spec, String precision, PeRtl pe, CellCost cost, GateCount gates,
                            String note) {
    }

    private static Measured measure(PeFamily family, HardwareSpec spec, PeRtl pe, Path dir, String note) {
        NativePrecisions p = family.nativePrecisions(spec.pe().params());
        GemmOp op = new GemmOp("area", OpKind.GEMM, 1, 1, 1, 1, p.activations(), p.weights(), p.outputs(),
                BOperand.WEIGHTS, 0);
        CellCost cost = family.cellCost(spec.pe().params(), op);
        EmittedDesign cell = VerilogEmitter.emit(pe.cell(Dataflow.OS), EmitOptions.synthesis());
        Path folder = dir.resolve(family.id() + "_" + pe.modeName());
        try {
            cell.writeTo(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GateCount gates = GenericSynthesis.gates(folder, cell.fileNames(), cell.top(), Duration.ofMinutes(10));
        String precision = "W " + p.weights().format() + ", A " + p.activations().format();
        return new Measured(family.id(), spec.name(), precision, pe, cost, gates, note);
    }

    /** The JSON object, keys in a fixed order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", REFERENCE_FAMILY + " " + REFERENCE_MODE);
        m.put("commonNode", referenceNode);
        m.put("gateWeights", "NAND2 equivalents: Nangate 45 nm Open Cell Library X1 cell areas / NAND2_X1; "
                + "flip-flops at DFF_X1 = " + GateWeights.round(GateWeights.FLIP_FLOP));
        m.put("cellSet", GenericSynthesis.CELL_SET + " (Yosys abc -g), plain D flip-flops");
        m.put("rows", rows.stream().map(AreaRow::toMap).toList());
        return m;
    }
}
