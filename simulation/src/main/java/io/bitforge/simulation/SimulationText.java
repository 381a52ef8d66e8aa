package io.bitforge.simulation;

import io.bitforge.core.io.TextTable;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.workload.PhaseKind;
import io.bitforge.core.units.HumanUnits;
import io.bitforge.core.units.QuantityColumn;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.bitforge.simulation.SimulationReport.fmt;

/** The readable form of a {@link SimulationReport}: header, phase table, summary lines, per-op table, mappings. */
final class SimulationText {
    private final SimulationReport r;

    SimulationText(SimulationReport report) {
        this.r = report;
    }

    String render(boolean explain) {
        StringBuilder out = new StringBuilder();
        out.append(r.workload().model().name()).append(" (").append(String.format(Locale.ROOT, "%,d",
                r.workload().parameterCount())).append(" parameters) on ").append(r.spec().name()).append(": ")
                .append(r.spec().pe().family()).append(' ').append(r.spec().array().rows()).append('x')
                .append(r.spec().array().cols()).append(' ').append(r.spec().dataflow().id()).append(", ")
                .append(fmt(r.spec().clockMegahertz(), 0)).append(" MHz, ").append(r.spec().node().id()).append('\n');
        out.append("quant       ").append(r.quant().text()).append(" -> ").append(r.quant().describe()).append('\n');
        if (r.phase(PhaseKind.PREFILL).isPresent()) {
            out.append("prefill     batch ").append(r.settings().batch()).append(", prompt ")
                    .append(r.settings().prompt())
                    .append("; attention: ").append(r.prefillAttention()).append("; lm_head on ")
                    .append(r.options().lmHeadAllTokens() ? "all tokens" : "the last token").append('\n');
        }
        if (r.phase(PhaseKind.DECODE).isPresent()) {
            Map<String, Object> d = r.decodeAttention();
            out.append("decode      batch ").append(r.settings().batch()).append(", context ").append(r.decodeContext())
                    .append(", generate ").append(r.settings().generate()).append("; attention over ")
                    .append(d.get("firstStepKeys")).append("..").append(d.get("lastStepKeys")).append(" keys as ")
                    .append(d.get("gemmShapes")).append(" GEMM shapes (").append(d.get("bucketKeys"))
                    .append("-key buckets): ").append(d.get("keysRepresented")).append(" keys represented, ")
                    .append(d.get("keysExact")).append(" exact\n");
            if (d.containsKey("slidingWindowTokens")) {
                out.append("window      ").append(d.get("slidingWindowTokens")).append(" tokens on ")
                        .append(d.get("slidingWindowLayers")).append(" layers: keys attended and KV cache capped\n");
            }
        }
        out.append("capacity    ").append(r.capacity().summary()).append('\n');
        r.residency().ifPresent(w -> out.append("weights     ").append(w.summary()).append('\n'));
        out.append("DRAM        ").append(r.dram().name()).append(", ").append(fmt(r.dram().bytesPerCycle(), 1))
                .append(" B/cycle, ").append(fmt(r.dram().picojoulesPerBit(), 2)).append(" pJ/bit\n\n");

        TextTable phaseTable = new TextTable(List.of("phase", "cycles", "latency", "tokens", "tokens/s",
                "energy", "util")).quantity(2, "s").quantity(4, "").quantity(5, "J").fixedQuantity(6, "%");
        for (PhaseResult p : r.phases()) {
            phaseTable.row(List.of(p.phase().name(), p.cycles(), p.latencySeconds(),
                    p.phase().outputItems(), p.phase().outputItems() / p.latencySeconds(),
                    p.cost().totalPicojoules() * 1e-12, p.utilizationPercent()));
        }
        out.append(phaseTable).append('\n');
        r.phase(PhaseKind.PREFILL).ifPresent(p -> out.append("time to first token    ")
                .append(HumanUnits.seconds(p.latencySeconds())).append('\n'));
        r.phase(PhaseKind.DECODE).ifPresent(p -> {
            out.append("time per output token  ").append(HumanUnits.seconds(p.latencySeconds() / r.settings().generate()))
                    .append('\n');
            out.append("decode tokens/s        ")
                    .append(HumanUnits.count(p.phase().outputItems() / p.latencySeconds())).append('\n');
        });
        out.append("total latency          ").append(HumanUnits.seconds(r.latencySeconds())).append(", ")
                .append(r.totalCycles()).append(" cycles, ")
                .append(HumanUnits.count(r.outputTokens() / r.latencySeconds())).append(" tokens/s overall\n");
        CostReport total = r.totalCost();
        out.append("energy                 ").append(HumanUnits.joules(total.totalPicojoules() * 1e-12)).append(", ")
                .append(HumanUnits.joules(total.totalPicojoules() / r.outputTokens() * 1e-12))
                .append(" per output token\n");
        // Every category in the total's prefix, so the figures on the line compare at a glance.
        List<String> names = new java.util.ArrayList<>();
        List<Double> joules = new java.util.ArrayList<>();
        for (EnergyCategory category : EnergyCategory.values()) {
            double value = total.energy().picojoules(category);
            if (value != 0) {
                names.add(category.name());
                joules.add(value * 1e-12);
            }
        }
        QuantityColumn byCategory = QuantityColumn.of("energy by category", "J", joules);
        out.append(String.format(Locale.ROOT, "%-23s", byCategory.header()));
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? "" : "  ").append(names.get(i)).append(' ').append(byCategory.cell(joules.get(i)));
        }
        out.append('\n').append(areaLine(r, total));
        out.append("array utilisation      ").append(fmt(r.utilizationPercent(), 2)).append(" %\n\n");

        TextTable ops = new TextTable(List.of("phase", "op", "kind", "count", "shape", "cycles", "share", "bound",
                "util", "energy")).fixedQuantity(6, "%").fixedQuantity(8, "%").quantity(9, "J");
        for (PhaseResult p : r.phases()) {
            for (OpResult o : p.ops()) {
                Op op = o.op();
                String shape = op instanceof GemmOp g ? g.m() + "x" + g.k() + "x" + g.n()
                        : ((VectorOp) op).elements() + " el";
                ops.row(List.of(o.phase(), op.name(), op.kind().name().toLowerCase(Locale.ROOT), op.count(), shape,
                        o.cycles(), p.cycles() == 0 ? 0.0 : 100.0 * o.cycles() / p.cycles(), o.bound(),
                        op instanceof GemmOp ? (Object) o.utilizationPercent() : "",
                        o.cost().totalPicojoules() * 1e-12));
            }
        }
        out.append(ops);
        if (explain) {
            out.append("\nmapping (one instance of each GEMM):\n");
            for (PhaseResult p : r.phases()) {
                for (OpResult o : p.ops()) {
                    if (o.op() instanceof GemmOp gemm) {
                        Map<String, Object> m = r.mapping(gemm, o.metrics());
                        out.append("  ").append(o.phase()).append(' ').append(gemm.name()).append(": ");
                        if (m.containsKey("tile")) {
                            out.append(m.get("tile")).append("; ").append(m.get("rowFolds")).append(" x ")
                                    .append(m.get("colFolds")).append(" folds of ").append(m.get("foldCycles"))
                                    .append(" cycles; mapping efficiency ")
                                    .append(fmt((Double) m.get("mappingEfficiencyPercent"), 1)).append(" %; ");
                        }
                        out.append(m.get("why")).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** Area per unit in mm², each with its provenance (published, derived, estimate) when known. */
    private static String areaLine(SimulationReport r, CostReport total) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-23s", "area (mm²)"));
        line.append(fmt(total.totalAreaSquareMicrometres() / 1e6, 3)).append(':');
        total.areaSquareMicrometres().forEach((unit, squareMicrometres) -> {
            line.append("  ").append(unit).append(' ').append(fmt(squareMicrometres / 1e6, 3));
            r.provenance().map(p -> p.area().get(unit)).ifPresent(p -> line.append(" (").append(p.id()).append(')'));
        });
        return line.append('\n').toString();
    }
}
