package io.bitforge.verilog.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Verilator: lint with every warning on, and build-and-run a testbench with {@code --binary}. */
public final class Verilator {
    private Verilator() {
    }

    /** {@code verilator --lint-only -Wall}; {@link #warnings} counts what it reported. */
    public static ToolResult lint(Path dir, List<String> files, String top) {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
        cmd.addAll(files);
        return ToolRunner.run(dir, Duration.ofSeconds(120), cmd);
    }

    /** Number of {@code %Warning} lines in a Verilator result. */
    public static long warnings(ToolResult r) {
        return (r.stdout() + r.stderr()).lines().filter(l -> l.startsWith("%Warning")).count();
    }

    /** Builds {@code top} into {@code obj_dir/V<top>} with {@code --binary}, then runs it. */
    public static ToolResult buildAndRun(Path dir, List<String> files, String top, Duration timeout) {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--binary", "-j", "2", "-Wno-fatal", "--top-module",
                top, "-Mdir", "obj_dir", "-MAKEFLAGS", "OPT_FAST=-O0 OPT_SLOW=-O0 OPT_GLOBAL=-O0"));
        cmd.addAll(files);
        ToolResult built = ToolRunner.run(dir, timeout, cmd);
        if (!built.ok()) {
            return built;
        }
        return ToolRunner.run(dir, Duration.ofSeconds(60), List.of(dir.resolve("obj_dir/V" + top).toString()));
    }
}
