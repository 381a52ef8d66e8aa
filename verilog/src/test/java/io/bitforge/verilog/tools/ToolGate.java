package io.bitforge.verilog.tools;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.Optional;

/**
 * Guards tests that need external tools: under {@code CI=true} a missing tool fails the test, naming the tool
 * and the install script; elsewhere the test is skipped, with a loud message on stderr.
 */
public final class ToolGate {
    private ToolGate() {
    }

    /** What to do about a tool: nothing (present), fail (CI) or skip; with the message to show. */
    enum Action { RUN, FAIL, SKIP }

    record Decision(Action action, Optional<String> message) {
    }

    static Decision decide(String tool, boolean available, String ciVariable) {
        if (available) {
            return new Decision(Action.RUN, Optional.empty());
        }
        String message = tool + " is not on PATH; install the HDL toolchain with " + ToolRunner.INSTALL_HINT;
        return "true".equalsIgnoreCase(ciVariable)
                ? new Decision(Action.FAIL, Optional.of(message + " (CI=true: tool tests may not be skipped)"))
                : new Decision(Action.SKIP, Optional.of("SKIPPED: " + message));
    }

    public static void require(String... tools) {
        for (String tool : tools) {
            Decision d = decide(tool, ToolRunner.available(tool), System.getenv("CI"));
            if (d.action() == Action.FAIL) {
                Assertions.fail(d.message().orElseThrow());
            } else if (d.action() == Action.SKIP) {
                System.err.println("********** " + d.message().orElseThrow() + " **********");
                Assumptions.abort(d.message().orElseThrow());
            }
        }
    }
}
