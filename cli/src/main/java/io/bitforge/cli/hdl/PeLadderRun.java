package io.bitforge.cli.hdl;

import io.bitforge.cli.BitForge;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.verilog.ladder.Ladder;
import io.bitforge.verilog.ladder.LadderEstimate;
import io.bitforge.verilog.ladder.LadderOptions;
import io.bitforge.verilog.ladder.LadderReport;
import io.bitforge.verilog.sim.SimEngine;
import io.bitforge.verilog.ladder.LevelResult;
import io.bitforge.verilog.ladder.PeDesign;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.estimate.RunLimits;
import io.bitforge.verilog.estimate.ToolRunEstimate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code bitforge cosim --pe|--hw}: the model ladder per precision mode, printed level by level. */
public final class PeLadderRun implements Callable<Integer> {
    private final CliContext context;
    private final HdlDesignOptions design;
    private final long seed;
    private final String simulator;
    private final SimEngine engine;
    private final Path workDir;
    private final Path vcd;
    private final String json;
    private final boolean yes;

    public PeLadderRun(CliContext context, HdlDesignOptions design, long seed, String simulator, SimEngine engine,
                       Path workDir, Path vcd, String json, boolean yes) {
        this.context = context;
        this.design = design;
        this.seed = seed;
        this.simulator = simulator;
        this.engine = engine;
        this.workDir = workDir;
        this.vcd = vcd;
        this.json = json;
        this.yes = yes;
    }

    @Override
    public Integer call() {
        if (ReramLadderRun.applies(design, context)) {
            return ReramLadderRun.run(context, design, seed, simulator, engine, workDir, json);
        }
        PeRtlRegistry rtl = PeRtlRegistry.load();
        List<HardwareSpec> specs = PeSpecOptions.specs(design, context.registry(), rtl, true);
        Set<String> tools = switch (simulator) {
            case "java" -> Set.of();
            case "both" -> Set.of("icarus", "verilator");
            default -> Set.of(simulator);
        };
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean allPassed = true;
        List<String> skipped = new ArrayList<>();
        List<HardwareSpec> runnable = new ArrayList<>();
        List<PeRtl> pes = new ArrayList<>();
        List<List<String>> substituted = new ArrayList<>();
        for (HardwareSpec preset : specs) {
            List<String> notes = new ArrayList<>();
            HardwareSpec spec = PeDesign.withRtlParams(preset, rtl, notes::add);
            notes.forEach(n -> context.err().println("bitforge: cosim: " + n));
            try {
                pes.add(PeDesign.forSpec(spec, rtl));
                runnable.add(spec);
                substituted.add(notes);
            } catch (BadInputException e) {
                // --pe alone walks the family's presets; one whose mode has no RTL yet is named, not fatal
                if (design.hw() != null) {
                    throw e;
                }
                skipped.add(spec.name() + ": " + e.getMessage());
                context.err().println("bitforge: cosim: skipped spec " + spec.name() + ": " + e.getMessage());
            }
        }
        checkEstimate(runnable, pes, tools);
        for (int i = 0; i < runnable.size(); i++) {
            HardwareSpec spec = runnable.get(i);
            PeRtl pe = pes.get(i);
            Path dir = workDir == null ? null : workDir.resolve(pe.familyId() + "-" + pe.modeName());
            Path trace = vcd == null || runnable.size() == 1 ? vcd : numbered(vcd, i);
            LadderReport report = Ladder.run(spec, pe, context.registry(), new LadderOptions(seed, tools, dir, trace)
                    .withJavaEngine(engine));
            allPassed &= report.passed();
            Map<String, Object> row = asMap(spec, report);
            row.put("substituted", substituted.get(i));
            rows.add(row);
            if (json == null) {
                print(spec, report);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("seed", seed);
        result.put("simulator", simulator);
        result.put("javaSim", engine.name().toLowerCase(java.util.Locale.ROOT));
        result.put("ladders", rows);
        result.put("skipped", skipped);
        if (rows.isEmpty()) {
            throw new BadInputException("--pe " + design.pe() + ": no preset of the family has a mode with RTL ("
                    + String.join("; ", skipped) + ")");
        }
        result.put("passed", allPassed);
        OutputTarget.write("--json", json, Json.write(result), context.out());
        return allPassed ? BitForge.OK : BitForge.INTERNAL_ERROR;
    }

    /**
     * Prices every ladder before any runs: past {@link RunLimits#refuseSeconds()} the command is refused with the
     * estimate unless --yes, and with --yes the estimate is printed first.
     */
    private void checkEstimate(List<HardwareSpec> runnable, List<PeRtl> pes, Set<String> tools) {
        ToolRunEstimate total = ToolRunEstimate.NONE;
        for (int i = 0; i < runnable.size(); i++) {
            total = total.plus(LadderEstimate.of(runnable.get(i), pes.get(i),
                    new LadderOptions(seed, tools, workDir == null ? Path.of(".") : workDir, null)));
        }
        RunLimits.standard().enforce("cosim", total, yes, "--rows/--cols, --simulator java")
                .ifPresent(notice -> context.err().println("bitforge: " + notice));
    }

    private void print(HardwareSpec spec, LadderReport r) {
        context.out().println(r.family() + " " + r.mode() + " on " + r.rows() + "x" + r.cols() + " (spec "
                + spec.name() + "): " + (r.passed() ? "PASS" : "FAIL"));
        TextTable table = new TextTable(List.of("level", "result", "detail"));
        for (LevelResult l : r.levels()) {
            table.row(List.of(l.level(), l.passed() ? "PASS" : "FAIL", l.detail()));
        }
        context.out().print(table);
        context.out().println("random tile: engine " + r.engineCycles() + " cycles, RTL start->computed "
                + r.rtlComputedCycles() + ", start->done " + r.rtlDoneCycles());
    }

    private static Map<String, Object> asMap(HardwareSpec spec, LadderReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", spec.name());
        m.put("family", r.family());
        m.put("mode", r.mode());
        m.put("params", spec.pe().params().asMap());
        m.put("rows", r.rows());
        m.put("cols", r.cols());
        m.put("engineCycles", r.engineCycles());
        m.put("rtlComputedCycles", r.rtlComputedCycles());
        m.put("rtlDoneCycles", r.rtlDoneCycles());
        List<Map<String, Object>> levels = new ArrayList<>();
        for (LevelResult l : r.levels()) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("level", l.level());
            level.put("passed", l.passed());
            level.put("detail", l.detail());
            levels.add(level);
        }
        m.put("levels", levels);
        m.put("passed", r.passed());
        return m;
    }

    private static Path numbered(Path vcd, int index) {
        String name = vcd.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot < 0 ? name + "-" + index : name.substring(0, dot) + "-" + index + name.substring(dot);
        return vcd.resolveSibling(numbered);
    }
}
