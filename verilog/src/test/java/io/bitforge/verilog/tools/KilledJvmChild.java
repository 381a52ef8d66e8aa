package io.bitforge.verilog.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The JVM that {@link KilledJvmCleanupTest} kills: makes a temporary folder, prints it, then runs a "tool" (a shell
 * with a child of its own) that would sleep for minutes.
 */
public final class KilledJvmChild {
    private KilledJvmChild() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = ToolRunner.temporaryFolder("bitforge-cosim-killtest");
        System.out.println(folder);
        System.out.flush();
        // args[0] marks the processes so the test can find them; the inner sleep is the tool's own child
        ToolRunner.run(folder, Duration.ofMinutes(10), List.of("sh", "-c", "sleep " + args[0] + " & sleep "
                + args[0] + "; wait"));
    }
}
