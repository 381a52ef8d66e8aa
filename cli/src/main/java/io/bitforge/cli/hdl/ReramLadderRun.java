package io.bitforge.cli.hdl;

import io.bitforge.cli.BitForge;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.pe.reram.AdcScheme;
import io.bitforge.pe.reram.AdcStudy;
import io.bitforge.pe.reram.ReramParams;
import io.bitforge.verilog.array.TileShape;
import io.bitforge.verilog.ladder.FamilySpecs;
import io.bitforge.verilog.pe.reram.ReramCrossbarRtl;
import io.bitforge.verilog.pe.reram.ReramLadder;
import io.bitforge.verilog.sim.SimEngine;
import io.bitforge.verilog.tools.Cosim;
import io.bitforge.verilog.tools.CosimResult;
import io.bitforge.workloads.tensors.SyntheticTensors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bitforge cosim --pe reram|--hw RERAM_SPEC}: the digital side of one crossbar ({@link ReramCrossbarRtl})
 * under each ADC scheme, on the matrix and activations {@code adc-study --synthetic gaussian} uses for the same
 * rows, columns, seed and tokens; outputs and comparator cycles against the functional model, the mean comparator
 * cycles against adc-study's, then Icarus/Verilator replay.
 */
final class ReramLadderRun {
    static final String FAMILY = "reram";
    /** Activation vectors per scheme (adc-study's --tokens). */
    static final int TOKENS = 2;

    private ReramLadderRun() {
    }

    /** Whether the command asks for the reram family (by --pe or by the --hw spec's family). */
    static boolean applies(HdlDesignOptions design, CliContext context) {
        if (design.hw() != null) {
            return new HardwareSpecLoader(context.registry()).resolve(design.hw(), "--hw").pe().family().equals(FAMILY);
        }
        return FAMILY.equals(design.pe());
    }

    static int run(CliContext context, HdlDesignOptions design, long seed, String simulator, SimEngine engine,
                   Path workDir, String json) {
        List<HardwareSpec> specs;
        if (design.hw() != null) {
            specs = List.of(new HardwareSpecLoader(context.registry()).resolve(design.hw(), "--hw"));
        } else {
            PeFamily family = context.registry().peFamily(FAMILY).orElseThrow();
            // the crossbar's digital side has no dataflow: one run per parameter set
            Map<Object, HardwareSpec> byParams = new LinkedHashMap<>();
            FamilySpecs.of(context.registry(), family, "isaac-like").forEach(s -> byParams.putIfAbsent(s.pe().params(),
                    s));
            specs = List.copyOf(byParams.values());
        }
        TileShape tile = design.tile(1, 16, 2);
        int inputs = tile == null ? 16 : tile.k();
        int outputs = tile == null ? 2 : tile.n();
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean allPassed = true;
        int ran = 0;
        for (HardwareSpec spec : specs) {
            ReramParams p = (ReramParams) spec.pe().params();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("spec", spec.name());
            row.put("family", FAMILY);
            try {
                for (AdcScheme scheme : AdcScheme.values()) {
                    ReramCrossbarRtl.check(p, scheme);
                }
            } catch (BadInputException e) {
                if (design.hw() != null) {
                    throw e;
                }
                row.put("skipped", e.getMessage());
                rows.add(row);
                // --pe alone walks the family's presets; one the RTL cannot emulate is named, not fatal
                context.err().println("bitforge: cosim: skipped spec " + spec.name() + ": " + e.getMessage());
                continue;
            }
            ran++;
            float[] values = SyntheticTensors.gaussian(outputs, inputs, seed);
            int[][] w = AdcStudy.quantiseWeights(p, values, outputs, inputs);
            long[][] x = AdcStudy.activations(p, inputs, TOKENS, seed);
            AdcStudy.Result study = AdcStudy.run(p, w, x, spec.node());
            String command = String.format(Locale.ROOT, "adc-study --hw %s --synthetic gaussian --rows %d --cols %d "
                    + "--seed %d --tokens %d", spec.name(), outputs, inputs, seed, TOKENS);
            List<Map<String, Object>> levels = new ArrayList<>();
            boolean passed = true;
            for (AdcStudy.SchemeResult expected : study.schemes()) {
                AdcScheme scheme = expected.scheme();
                ReramLadder.Result r = ReramLadder.run(p, w, x, scheme, !simulator.equals("java"), engine);
                passed &= level(levels, "java " + scheme.id(), r.passed(), r.passed() ? r.conversions()
                        + " conversions: every output and comparator count equal the functional model; start->done "
                        + r.rtlCycles() + " cycles = comparator cycles " + r.comparatorCycles() + " + "
                        + ReramCrossbarRtl.OVERHEAD_CYCLES + " per vector" : r.mismatch());
                boolean same = r.meanComparatorCycles() == expected.meanComparatorCycles();
                passed &= level(levels, "adc-study " + scheme.id(), same, String.format(Locale.ROOT,
                        "RTL mean %.6f comparator cycles per conversion, %s: %.6f", r.meanComparatorCycles(), command,
                        expected.meanComparatorCycles()));
                levels.get(levels.size() - 1).put("rtlMeanComparatorCycles", r.meanComparatorCycles());
                for (String tool : simulator.equals("both") ? List.of("icarus", "verilator")
                        : simulator.equals("java") ? List.<String>of() : List.of(simulator)) {
                    Path dir = workDir.resolve("reram-" + spec.name() + "-" + scheme.id() + "-" + tool);
                    CosimResult c = tool.equals("icarus") ? Cosim.icarus(r.design(), r.trace(), dir)
                            : Cosim.verilator(r.design(), r.trace(), dir);
                    passed &= level(levels, tool + " " + scheme.id(), c.passed(), c.passed() ? "replayed "
                            + c.cycles() + " cycles, every output equal to the Java simulator's"
                            : c.log().lines().limit(3).toList().toString());
                }
            }
            allPassed &= passed;
            row.put("inputs", inputs);
            row.put("outputs", outputs);
            row.put("tokens", TOKENS);
            row.put("levels", levels);
            row.put("passed", passed);
            rows.add(row);
            if (json == null) {
                print(context, spec, inputs, outputs, levels, passed);
            }
        }
        if (ran == 0) {
            throw new BadInputException("--pe reram: no reram preset has an RTL (" + rows + ")");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("seed", seed);
        result.put("simulator", simulator);
        result.put("ladders", rows);
        result.put("passed", allPassed);
        OutputTarget.write("--json", json, Json.write(result), context.out());
        return allPassed ? BitForge.OK : BitForge.INTERNAL_ERROR;
    }

    private static boolean level(List<Map<String, Object>> levels, String name, boolean passed, String detail) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("level", name);
        l.put("passed", passed);
        l.put("detail", detail);
        levels.add(l);
        return passed;
    }

    private static void print(CliContext context, HardwareSpec spec, int inputs, int outputs,
                              List<Map<String, Object>> levels, boolean passed) {
        context.out().println("reram digital side, " + inputs + " inputs x " + outputs + " outputs (spec " + spec.name()
                + "): " + (passed ? "PASS" : "FAIL"));
        TextTable table = new TextTable(List.of("level", "result", "detail"));
        for (Map<String, Object> l : levels) {
            table.row(List.of((String) l.get("level"), (Boolean) l.get("passed") ? "PASS" : "FAIL",
                    (String) l.get("detail")));
        }
        context.out().print(table);
    }
}
