package io.bitforge.pe;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.DequantStatement;
import io.bitforge.core.pe.DequantStep;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.Locale;

/**
 * The dequantisation statement table of the docs (docs/pe-families.md), generated from the families' own
 * {@link PeFamily#dequantisation} records: for every built-in design (designs with the same family and params
 * share rows), its family's native operands and every configuration of a fixed list it accepts, one row per step
 * (or one row saying why there is none).
 */
public final class DequantTable {
    /** Configurations tried on every design besides its family's native ones: the common LLM quant configs. */
    static final List<GemmOp> CONFIGS = List.of(
            op(Precision.FP16, Precision.INT4, 128),
            op(Precision.FP16, Precision.INT4, 0),
            op(Precision.INT8, Precision.INT8, 0),
            op(Precision.INT8, Precision.INT4, 128));

    private DequantTable() {
    }

    private static GemmOp op(Precision activations, Precision weights, int group) {
        return new GemmOp("gemm", OpKind.PROJECTION, 1, 256, 64, 1, activations, weights, Precision.FP16,
                BOperand.WEIGHTS, group);
    }

    /** The table in Markdown, rows in preset order then configuration order. */
    public static String markdown(Registry registry) {
        StringBuilder out = new StringBuilder();
        out.append("| design (family) | operands | what is applied | where | per | pJ each (node) | unit µm² (node) |"
                + " booked as | provenance |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        HardwareSpecLoader loader = new HardwareSpecLoader(registry);
        // designs whose family and params agree have the same statements: one group of rows names them all
        Map<String, List<String>> designs = new LinkedHashMap<>();
        Map<String, HardwareSpec> specs = new LinkedHashMap<>();
        for (String id : registry.ids(CatalogKind.HARDWARE)) {
            HardwareSpec spec = loader.parse(registry.hardware(id).orElseThrow().yaml(), id + ".yaml");
            String key = spec.pe().family() + " " + new TreeMap<>(spec.pe().params().asMap());
            designs.computeIfAbsent(key, k -> new ArrayList<>()).add("`" + id + "`");
            specs.putIfAbsent(key, spec);
        }
        for (Map.Entry<String, HardwareSpec> entry : specs.entrySet()) {
            HardwareSpec spec = entry.getValue();
            PeFamily family = registry.peFamily(spec.pe().family()).orElseThrow();
            String design = String.join(", ", designs.get(entry.getKey())) + " (" + family.id() + ")";
            NativePrecisions natives = family.nativePrecisions(spec.pe().params());
            Set<String> seen = new HashSet<>();
            List<GemmOp> configs = new ArrayList<>();
            configs.add(op(natives.activations(), natives.weights(), natives.weights().isFloat() ? 0 : 128));
            configs.addAll(CONFIGS);
            for (GemmOp op : configs) {
                if (!accepts(family, spec, op)) {
                    continue;
                }
                DequantStatement statement = family.dequantisation(spec.pe().params(), op);
                String config = statement.config();
                if (!seen.add(config)) {
                    continue;
                }
                if (statement.steps().isEmpty()) {
                    out.append(row(design, config, "nothing: " + statement.note(), "", "", "", "", "", ""));
                }
                for (DequantStep step : statement.steps()) {
                    out.append(row(design, config, step.applies(), step.where().text(), step.per().text(),
                            String.format(Locale.ROOT, "%.4g (%s)", step.picojoules(), step.node().id()),
                            unitArea(step), step.category() + (step.inFamilyCost() ? " (family's cost)" : " (engine)"),
                            step.source().estimate() ? "estimate" : "published"));
                }
            }
        }
        return out.toString();
    }

    /** The step's unit area, or where its hardware's area is counted instead. */
    private static String unitArea(DequantStep step) {
        if (step.inFamilyCost()) {
            return "in the family's";
        }
        if (step.where() == io.bitforge.core.pe.DequantSite.VECTOR_UNIT) {
            return "vector unit's";
        }
        return String.format(Locale.ROOT, "%.0f (%s)", step.unitSquareMicrometres(), step.node().id());
    }

    private static boolean accepts(PeFamily family, HardwareSpec spec, GemmOp op) {
        try {
            family.timing(spec.pe().params(), op);
            family.cellCost(spec.pe().params(), op);
            return true;
        } catch (BadInputException | IllegalArgumentException rejected) {
            return false;
        }
    }

    private static String row(String... cells) {
        List<String> escaped = new ArrayList<>();
        for (String cell : cells) {
            escaped.add(cell.replace("|", "\\|"));
        }
        return "| " + String.join(" | ", escaped) + " |\n";
    }
}
