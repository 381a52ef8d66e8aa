package io.bitforge.verilog.tools;

import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.TestbenchWriter;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.hdl.ExternModuleDef;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.sim.Trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cosimulation by trace replay: the design is emitted, a testbench replays the Java simulator's recorded
 * inputs and checks every output every cycle in Icarus or Verilator.
 */
public final class Cosim {
    private Cosim() {
    }

    /** Emits design and testbench into {@code dir}; returns the Verilog files, children first, testbench last. */
    public static List<String> prepare(ModuleDef top, Trace trace, Path dir) {
        return prepare(top, trace, dir, 0);
    }

    static List<String> prepare(ModuleDef top, Trace trace, Path dir, int firstCheckedCycle) {
        try {
            EmittedDesign design = VerilogEmitter.emit(top);
            design.writeTo(dir);
            List<String> files = new ArrayList<>(design.fileNames());
            for (Map.Entry<String, String> f : TestbenchWriter.write(top, trace, firstCheckedCycle).entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
                if (f.getKey().endsWith(".v")) {
                    files.add(f.getKey());
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CosimResult icarus(ModuleDef top, Trace trace, Path dir) {
        return icarus(top, trace, dir, 0);
    }

    /** Icarus replay comparing outputs from {@code firstCheckedCycle} on (see {@link TestbenchWriter}). */
    public static CosimResult icarus(ModuleDef top, Trace trace, Path dir, int firstCheckedCycle) {
        List<String> files = prepare(top, trace, dir, firstCheckedCycle);
        List<String> extra = usesBlackBoxes(top) ? Iverilog.ice40CellArgs() : List.of();
        ToolResult r = Iverilog.compileAndRun(dir, files, TestbenchWriter.name(top), extra, Duration.ofMinutes(2));
        return result("icarus", r, trace);
    }

    public static CosimResult verilator(ModuleDef top, Trace trace, Path dir) {
        if (usesBlackBoxes(top)) {
            throw new ToolException("Verilator cosimulation of designs with iCE40 black boxes is not supported");
        }
        List<String> files = prepare(top, trace, dir);
        ToolResult r = Verilator.buildAndRun(dir, files, TestbenchWriter.name(top), Duration.ofMinutes(15));
        return result("verilator", r, trace);
    }

    /**
     * A mismatch only when the simulator ran the testbench to its verdict; a tool that failed to compile, timed out,
     * crashed or printed no verdict is a {@link ToolException} naming it, never blamed on the model.
     */
    private static CosimResult result(String simulator, ToolResult r, Trace trace) {
        String log = r.stdout() + r.stderr();
        boolean mismatch = log.contains("MISMATCH");
        boolean passLine = log.contains("PASS " + trace.cycles() + " cycles");
        if (r.timedOut()) {
            throw r.failure();
        }
        if (!mismatch && !(passLine && r.ok())) {
            throw r.failure(r.ok() ? "printed no verdict (neither PASS " + trace.cycles() + " cycles nor MISMATCH)"
                    : "exited with " + r.exitCode());
        }
        boolean passed = r.ok() && passLine && !mismatch;
        return new CosimResult(simulator, passed, trace.cycles(), log, r.elapsed());
    }

    static boolean usesBlackBoxes(ModuleDef top) {
        for (ModuleDef m : top.hierarchy()) {
            for (Instance i : m.instances()) {
                if (i.target() instanceof ExternModuleDef) {
                    return true;
                }
            }
        }
        return false;
    }
}
