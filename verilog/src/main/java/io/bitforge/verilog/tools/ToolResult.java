package io.bitforge.verilog.tools;

import java.time.Duration;
import java.util.List;

/** The outcome of one external tool run: exit code (-1 on timeout), captured output and wall time. */
public record ToolResult(List<String> command, int exitCode, String stdout, String stderr, Duration elapsed,
                         boolean timedOut) {
    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** Throws naming the tool, what went wrong and its last lines unless the run succeeded. */
    public ToolResult orThrow() {
        if (!ok()) {
            throw failure();
        }
        return this;
    }

    /** The tool's name (the executable without its folder). */
    public String tool() {
        String exe = command.get(0);
        return exe.substring(exe.lastIndexOf('/') + 1);
    }

    /**
     * "TOOL timed out after N s (raise the tool time limit, ...)" or "TOOL exited with N", then its last lines with colour
     * codes stripped, so that the one-line message says which tool failed and why.
     */
    public ToolException failure() {
        // Names no command-line flag (library messages never do); the CLI documents tool-timeout as setting it.
        return failure(timedOut ? "timed out after " + elapsed.toSeconds() + " s (raise the tool time limit, the "
                + ToolRunner.TIMEOUT_PROPERTY + " property)" : "exited with " + exitCode);
    }

    /** As {@link #failure()} with {@code what} saying what went wrong. */
    public ToolException failure(String what) {
        List<String> lines = lastLines(stdout + "\n" + stderr, 4);
        return new ToolException(tool() + " " + what + (lines.isEmpty() ? " and printed nothing"
                : "; last lines: " + String.join(" | ", lines)));
    }

    /** The last {@code count} non-blank lines of {@code text}, ANSI escape sequences removed, each at most 200 chars. */
    static List<String> lastLines(String text, int count) {
        List<String> lines = text.replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]", "").lines().map(String::strip)
                .filter(l -> !l.isEmpty()).map(l -> l.length() > 200 ? l.substring(0, 200) + "..." : l).toList();
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    static String tail(String s, int chars) {
        return s.length() <= chars ? s : "..." + s.substring(s.length() - chars);
    }
}
