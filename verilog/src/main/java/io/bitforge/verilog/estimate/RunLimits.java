package io.bitforge.cli.hdl;

import io.bitforge.cli.CliContext;
import io.bitforge.core.io.BadInputException;
import io.bitforge.verilog.estimate.ToolRunEstimate;

/**
 * What the HDL commands do with a {@link ToolRunEstimate} before they start: a run estimated past
 * {@link ToolRunEstimate#REFUSE_SECONDS} is refused (exit 2, with the estimate) unless the user said {@code --yes};
 * one past {@link ToolRunEstimate#ANNOUNCE_SECONDS} is announced on stderr, and the tools then report every half
 * minute that they are still running.
 */
public final class RunLimits {
    private RunLimits() {
    }

    public static void check(CliContext context, String command, ToolRunEstimate estimate, boolean yes) {
        double seconds = estimate.totalSeconds();
        if (seconds > ToolRunEstimate.REFUSE_SECONDS && !yes) {
            throw new BadInputException(command + ": refused before starting: estimated " + estimate.describe()
                    + ", past the " + ToolRunEstimate.duration(ToolRunEstimate.REFUSE_SECONDS) + " limit; make the "
                    + "design or the run smaller (--rows/--cols, --simulator java), or add --yes to run it anyway");
        }
        if (seconds > ToolRunEstimate.ANNOUNCE_SECONDS) {
            context.err().println("bitforge: " + command + ": estimated " + estimate.describe() + " on an idle "
                    + "2-core machine; the tools report every 30 s while they run");
        }
    }
}
