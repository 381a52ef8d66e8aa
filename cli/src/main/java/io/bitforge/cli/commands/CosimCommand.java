package io.bitforge.cli.commands;

import io.bitforge.cli.BitForge;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.hdl.GemmStimulus;
import io.bitforge.cli.hdl.HdlDesignOptions;
import io.bitforge.cli.hdl.PeLadderRun;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.verilog.estimate.DesignSize;
import io.bitforge.verilog.estimate.RunLimits;
import io.bitforge.verilog.estimate.ToolRunEstimate;
import io.bitforge.verilog.gen.SystolicArray;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.sim.SimEngine;
import io.bitforge.verilog.sim.SimOptions;
import io.bitforge.verilog.sim.Simulator;
import io.bitforge.verilog.sim.Trace;
import io.bitforge.verilog.tools.Cosim;
import io.bitforge.verilog.tools.CosimResult;
import io.bitforge.verilog.tools.ToolException;
import io.bitforge.verilog.tools.ToolRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code bitforge cosim}: runs a generated design on BitForge's Java HDL simulator with seeded stimulus, then
 * replays the recorded inputs in Icarus Verilog and/or Verilator on the emitted Verilog and compares every output
 * every cycle. The systolic array is driven with a seeded GEMM and its Java result is also checked against the
 * exact product.
 */
@Command(name = "cosim", mixinStandardHelpOptions = true,
        description = "Cosimulate a generated design: Java HDL simulator vs Icarus Verilog / Verilator, every "
                + "output every cycle.")
public final class CosimCommand implements Callable<Integer> {
    private static final List<String> SIMULATORS = List.of("icarus", "verilator", "both");
    private static final List<String> PE_SIMULATORS = List.of("java", "icarus", "verilator", "both");

    private final CliContext context;

    @Mixin
    HdlDesignOptions designOptions;

    @Option(names = "--cycles", defaultValue = "200", paramLabel = "N",
            description = "Cycles of random stimulus for the other designs (1..100000, default 200).")
    int cycles;

    @Option(names = "--seed", defaultValue = "1", description = "Stimulus seed (default 1).")
    long seed;

    @Option(names = "--simulator", defaultValue = "icarus", paramLabel = "NAME",
            description = "icarus, verilator or both (default icarus); with --pe/--hw also java (the Java HDL "
                    + "simulator only).")
    String simulator;

    @Option(names = "--java-sim", defaultValue = "compiled", paramLabel = "ENGINE",
            description = "How the Java HDL simulator runs: compiled (the design compiled to Java once, default) or "
                    + "interpreted (the reference interpreter); both give the same values every cycle.")
    String javaSim;

    @Option(names = "--vcd", paramLabel = "FILE",
            description = "With --pe/--hw: write the random tile's trace as a VCD file.")
    Path vcd;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Keep the Verilog, testbench and tool logs here (default: a temporary folder, removed).")
    Path out;

    @Option(names = "--yes", description = "Run even when the run is estimated past a minute (it is refused "
            + "otherwise, with the estimate).")
    boolean yes;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the result as JSON (- is stdout).")
    String json;

    public CosimCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SimEngine engine = javaEngine();
        if (designOptions.isPeArray()) {
            if (!PE_SIMULATORS.contains(simulator)) {
                throw BadInputException.field(null, "--simulator", "'" + simulator + "'",
                        "must be one of " + String.join(", ", PE_SIMULATORS));
            }
            if (!simulator.equals("java")) {
                requireTools();
            }
            Path dir = simulator.equals("java") ? null : workDir();
            try {
                return new PeLadderRun(context, designOptions, seed, simulator, engine, dir, vcd, json, yes).call();
            } finally {
                if (out == null && dir != null) {
                    delete(dir);
                }
            }
        }
        if (!SIMULATORS.contains(simulator)) {
            throw BadInputException.field(null, "--simulator", "'" + simulator + "'",
                    "must be one of " + String.join(", ", SIMULATORS));
        }
        requireTools();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("design", designOptions.design());
        result.put("seed", seed);
        ModuleDef top;
        Trace trace;
        Map<String, Object> functional = null;
        if (designOptions.isSystolic()) {
            // the bare array: the byte-serial wrapper is an FPGA I/O shim, cosimulated in the test suite
            SystolicArray.Params p = designOptions.arrayParams();
            int k = designOptions.systolicK();
            checkRange("--k", k, 1, 4096);
            top = SystolicArray.build(p);
            GemmStimulus gemm = GemmStimulus.random(p, k, seed);
            Simulator sim = Simulator.of(top, SimOptions.defaults().withTrace().withEngine(engine));
            sim.reset(2);
            for (int c = 0; c < gemm.cycles(); c++) {
                gemm.apply(sim, c);
                sim.step();
            }
            trace = sim.trace();
            functional = functionalCheck(sim, gemm);
            result.put("gemm", Map.of("m", p.rows(), "n", p.cols(), "k", k));
        } else {
            checkRange("--cycles", cycles, 1, 100_000);
            top = designOptions.build();
            trace = randomTrace(top, engine);
        }
        result.put("top", top.name());
        result.put("cycles", trace.cycles());
        if (functional != null) {
            result.put("functionalCheck", functional);
        }
        List<String> toolNames = simulator.equals("both") ? List.of("icarus", "verilator") : List.of(simulator);
        DesignSize size = DesignSize.of(top);
        ToolRunEstimate estimate = ToolRunEstimate.NONE;
        for (String name : toolNames) {
            estimate = estimate.plus(name.equals("icarus") ? ToolRunEstimate.icarus(size, trace.cycles())
                    : ToolRunEstimate.verilator(size, trace.cycles()));
        }
        RunLimits.standard().enforce("cosim", estimate, yes, "--rows/--cols/--k, --cycles, one --simulator")
                .ifPresent(notice -> context.err().println("bitforge: " + notice));
        Path dir = workDir();
        List<Map<String, Object>> runs = new ArrayList<>();
        List<CosimResult> results = new ArrayList<>();
        try {
            for (String name : toolNames) {
                CosimResult r = run(name, top, trace, dir.resolve(name));
                results.add(r);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("simulator", r.simulator());
                row.put("passed", r.passed());
                row.put("cycles", r.cycles());
                runs.add(row);
            }
        } finally {
            if (out == null) {
                delete(dir);
            }
        }
        result.put("runs", runs);
        boolean functionalOk = functional == null || (Boolean) functional.get("passed");
        boolean allPassed = functionalOk && results.stream().allMatch(CosimResult::passed);
        result.put("passed", allPassed);
        OutputTarget.write("--json", json, Json.write(result), context.out());
        if (json == null) {
            print(top, trace, functional, results);
        }
        for (CosimResult r : results) {
            if (!r.passed()) {
                context.err().println("bitforge: cosim: " + r.simulator() + " differs from the Java simulator:");
                r.log().lines().filter(l -> l.contains("MISMATCH") || l.contains("rror")).limit(10)
                        .forEach(l -> context.err().println("  " + l));
            }
        }
        return allPassed ? BitForge.OK : BitForge.INTERNAL_ERROR;
    }

    /** The --java-sim engine; compiled falls back to the interpreter, said once, when there is no JDK compiler. */
    private SimEngine javaEngine() {
        SimEngine engine = switch (javaSim) {
            case "compiled" -> SimEngine.COMPILED;
            case "interpreted" -> SimEngine.INTERPRETED;
            default -> throw BadInputException.field(null, "--java-sim", "'" + javaSim + "'",
                    "must be one of compiled, interpreted");
        };
        if (engine == SimEngine.COMPILED && Simulator.compiledEngineUnavailable().isPresent()) {
            context.err().println("bitforge: cosim: " + Simulator.compiledEngineUnavailable().get());
            return SimEngine.INTERPRETED;
        }
        return engine;
    }

    private void requireTools() {
        List<String> tools = new ArrayList<>();
        if (!simulator.equals("verilator")) {
            tools.addAll(List.of("iverilog", "vvp"));
        }
        if (!simulator.equals("icarus")) {
            tools.add("verilator");
        }
        for (String tool : tools) {
            if (!ToolRunner.available(tool)) {
                throw new BadInputException("--simulator " + simulator + ": " + tool + " is not on PATH; install "
                        + "the toolchain with " + ToolRunner.INSTALL_HINT);
            }
        }
    }

    private CosimResult run(String name, ModuleDef top, Trace trace, Path dir) {
        try {
            Files.createDirectories(dir);
            return name.equals("icarus") ? Cosim.icarus(top, trace, dir) : Cosim.verilator(top, trace, dir);
        } catch (IOException e) {
            throw new BadInputException("--out: cannot write " + dir + ": " + e.getMessage(), e);
        } catch (ToolException e) {
            throw new BadInputException("--simulator " + name + ": " + e.getMessage(), e);
        }
    }

    /** The Java simulator's C after the run against the exact product. */
    private static Map<String, Object> functionalCheck(Simulator sim, GemmStimulus gemm) {
        int wrong = 0;
        String first = null;
        for (int i = 0; i < gemm.params().rows(); i++) {
            for (int j = 0; j < gemm.params().cols(); j++) {
                BigInteger got = sim.peekWide("c_" + i + "_" + j);
                BigInteger expected = gemm.expected(i, j);
                if (!got.equals(expected)) {
                    wrong++;
                    if (first == null) {
                        first = "c_" + i + "_" + j + ": expected " + expected + ", got " + got;
                    }
                }
            }
        }
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("passed", wrong == 0);
        check.put("outputs", gemm.params().rows() * gemm.params().cols());
        check.put("wrongOutputs", wrong);
        if (first != null) {
            check.put("firstDifference", first);
        }
        check.put("cyclesToResult", gemm.params().cyclesFor(gemm.k()));
        return check;
    }

    private Trace randomTrace(ModuleDef top, SimEngine engine) {
        Simulator sim = Simulator.of(top, SimOptions.defaults().withTrace().withEngine(engine));
        sim.reset(2);
        Random rnd = new Random(seed);
        for (int c = 0; c < cycles; c++) {
            for (Port p : top.inputs()) {
                sim.poke(p, p.shape().canonical(rnd.nextLong()));
            }
            sim.step();
        }
        return sim.trace();
    }

    private void print(ModuleDef top, Trace trace, Map<String, Object> functional, List<CosimResult> results) {
        context.out().println("design " + top.name() + ", " + trace.cycles() + " cycles recorded (seed " + seed + ")");
        if (functional != null) {
            context.out().println("Java model vs exact product: " + ((Boolean) functional.get("passed")
                    ? "all " + functional.get("outputs") + " outputs equal"
                    : functional.get("wrongOutputs") + " outputs differ, first " + functional.get("firstDifference"))
                    + " after " + functional.get("cyclesToResult") + " enabled cycles");
        }
        TextTable table = new TextTable(List.of("simulator", "result", "cycles", "run seconds"));
        for (CosimResult r : results) {
            table.row(List.of(r.simulator(), r.passed() ? "PASS" : "FAIL", r.cycles(),
                    String.format(java.util.Locale.ROOT, "%.2f", r.elapsed().toMillis() / 1000.0)));
        }
        context.out().print(table);
        if (out != null) {
            context.out().println("Verilog, testbench and logs in " + out);
        }
    }

    private Path workDir() {
        try {
            if (out != null) {
                Files.createDirectories(out);
                return out;
            }
            // deleted on exit and on SIGTERM too, not only in the finally below
            return ToolRunner.temporaryFolder("bitforge-cosim");
        } catch (IOException e) {
            throw new BadInputException("--out: cannot create " + out + ": " + e.getMessage(), e);
        }
    }

    private static void checkRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw BadInputException.field(null, option, value, "must be " + min + ".." + max);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
