package io.bitforge.reports.chart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Catalogued;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.simulation.engine.EngineAssembly;
import io.bitforge.simulation.engine.EngineSetup;
import io.bitforge.simulation.engine.MemorySetup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every registered PE family at each operand width it accepts, run by the engine on one fixed GEMM on one base
 * design (same array shape, buffers, clock and node): throughput per mm² of PE-array area and energy per op.
 *
 * <p>Families are found through the registry, never by id. Widths are tried generically: starting from a family's
 * default parameters, each of {@link #WIDTHS} is written into the parameters' {@code weightBits} and
 * {@code activationBits} fields where the family has them (the same convention as {@code bitforge gemm --wbits
 * --abits}); the family's own validation decides which widths it supports. A family without such fields appears
 * once, at its defaults.
 */
public final class PeComparison {
    /** Symmetric operand widths tried on every family. */
    public static final List<Integer> WIDTHS = List.of(2, 4, 8, 16);

    private PeComparison() {
    }

    /**
     * @param base the design every family is placed in (its PE is replaced; dataflow kept where the family
     *             supports it, else the family's first in id order)
     */
    public static List<PeFigure> run(Registry registry, HardwareSpec base, long m, long k, long n) {
        List<PeFigure> figures = new ArrayList<>();
        for (Catalogued entry : registry.list(CatalogKind.PES)) {
            PeFamily family = (PeFamily) entry;
            for (PeParams params : variants(family)) {
                figures.add(figure(registry, base, family, params, m, k, n));
            }
        }
        return List.copyOf(figures);
    }

    /** The family's defaults and every width in {@link #WIDTHS} its validation accepts, without repeats. */
    static List<PeParams> variants(PeFamily family) {
        Set<Map<String, Object>> seen = new LinkedHashSet<>();
        List<PeParams> out = new ArrayList<>();
        PeParams defaults = family.defaultParams();
        Map<String, Object> defaultMap = defaults.asMap();
        List<PeParams> candidates = new ArrayList<>();
        for (int bits : WIDTHS) {
            boolean changed = false;
            ObjectNode node = Json.mapper().valueToTree(defaultMap);
            for (String field : List.of("weightBits", "activationBits")) {
                if (node.has(field)) {
                    node.put(field, bits);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            try {
                candidates.add(family.parseParams(SpecNode.detached(node, "pe comparison", "hardware.pe.params")));
            } catch (BadInputException | IllegalArgumentException unsupported) {
                // The family does not run at this width; it is left out of the comparison.
            }
        }
        if (candidates.isEmpty()) {
            candidates.add(defaults);
        }
        for (PeParams p : candidates) {
            if (seen.add(new TreeMap<>(p.asMap()))) {
                out.add(p);
            }
        }
        return out;
    }

    private static PeFigure figure(Registry registry, HardwareSpec base, PeFamily family, PeParams params, long m,
                                   long k, long n) {
        HardwareSpec spec = base.withPe(new PeSpec(family.id(), params));
        if (!family.dataflows().contains(spec.dataflow())) {
            spec = spec.withDataflow(family.dataflows().stream().sorted(java.util.Comparator.comparing(Dataflow::id))
                    .findFirst().orElseThrow());
        }
        // stall-free, as SCALE-Sim's compute report: the comparison is of the PE arrays, not of a DRAM
        Engine engine = EngineAssembly.assemble(registry, spec, family,
                EngineSetup.SIMULATE.withMemory(MemorySetup.UNLIMITED_BANDWIDTH));
        NativePrecisions precisions = family.nativePrecisions(params);
        GemmOp op = new GemmOp("gemm", OpKind.GEMM, m, k, n, 1, precisions.activations(), precisions.weights(),
                precisions.outputs(), BOperand.WEIGHTS, 0);
        CostReport cost = engine.evaluate(op).cost();
        // Useful work: 2 ops per multiply-accumulate of the unpadded GEMM.
        double ops = 2.0 * m * k * n;
        double seconds = cost.totalCycles() / (spec.clockMegahertz() * 1e6);
        double squareMillimetres = cost.peAreaSquareMicrometres() / 1e6;
        return new PeFigure(family.id(), params.asMap(), precisions.activations().format(),
                precisions.weights().format(), ops / seconds / 1e12 / squareMillimetres,
                cost.totalPicojoules() / ops, cost.totalCycles(), squareMillimetres);
    }
}
