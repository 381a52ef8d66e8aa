package io.bitforge.verilog.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Icarus Verilog: compile ({@code iverilog -g2005}) and run ({@code vvp -n}). */
public final class Iverilog {
    private Iverilog() {
    }

    /** Compiles {@code files} (relative to {@code dir}) with {@code top} as root into {@code top.vvp}. */
    public static ToolResult compile(Path dir, List<String> files, String top, List<String> extraArgs) {
        List<String> cmd = new ArrayList<>(List.of("iverilog", "-g2005", "-Wall", "-Wno-timescale", "-s", top,
                "-o", top + ".vvp"));
        cmd.addAll(extraArgs);
        cmd.addAll(files);
        return ToolRunner.run(dir, Duration.ofSeconds(60), cmd);
    }

    /** Compiles, then runs the simulation; returns the run's result (or the failed compile's). */
    public static ToolResult compileAndRun(Path dir, List<String> files, String top, List<String> extraArgs,
                                           Duration runTimeout) {
        ToolResult compiled = compile(dir, files, top, extraArgs);
        if (!compiled.ok()) {
            return compiled;
        }
        return ToolRunner.run(dir, runTimeout, List.of("vvp", "-n", top + ".vvp"));
    }

    /** Yosys's iCE40 cell models, for simulating netlists or designs with SB_* primitives. */
    public static Path ice40CellsSim() {
        Path yosys = ToolRunner.find("yosys").orElseThrow(() -> new ToolException(
                "yosys is not on PATH; install the toolchain with " + ToolRunner.INSTALL_HINT));
        return yosys.toAbsolutePath().getParent().getParent().resolve("share/yosys/ice40/cells_sim.v");
    }

    /**
     * Extra iverilog arguments for Yosys's iCE40 cell models: they use port default assignments Icarus does not
     * parse unless {@code NO_ICE40_DEFAULT_ASSIGNMENTS} is defined.
     */
    public static List<String> ice40CellArgs() {
        return List.of("-DNO_ICE40_DEFAULT_ASSIGNMENTS", ice40CellsSim().toString());
    }
}
