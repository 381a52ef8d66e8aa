package io.bitforge.verilog.tools;

import java.time.Duration;
import java.util.List;

/** The outcome of one external tool run: exit code (-1 on timeout), captured output and wall time. */
public record ToolResult(List<String> command, int exitCode, String stdout, String stderr, Duration elapsed,
                         boolean timedOut) {
    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** Throws with the command and the tail of its output unless the run succeeded. */
    public ToolResult orThrow() {
        if (!ok()) {
            throw new ToolException(String.join(" ", command) + (timedOut ? " timed out after " + elapsed.toSeconds()
                    + " s" : " exited with " + exitCode) + "\n" + tail(stdout + stderr, 3000));
        }
        return this;
    }

    static String tail(String s, int chars) {
        return s.length() <= chars ? s : "..." + s.substring(s.length() - chars);
    }
}
