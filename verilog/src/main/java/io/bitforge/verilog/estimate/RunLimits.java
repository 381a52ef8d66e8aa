package io.bitforge.verilog.estimate;

import io.bitforge.core.io.BadRequestException;

import java.util.Optional;

/**
 * What a long HDL or FPGA run may do, decided from its {@link ToolRunEstimate} before any tool starts: a run
 * estimated past {@link #refuseSeconds} is refused unless the caller allows long runs, and one allowed past it is
 * announced with its estimate; anything shorter just runs. The default limit is the minute every BitForge command
 * keeps to (SCALE-Sim mode and the explorer refuse past it too), so that no command runs for minutes unasked.
 *
 * @param refuseSeconds estimated seconds past which a run is refused unless allowed
 */
public record RunLimits(double refuseSeconds) {
    /** The request field that lets a refused run go on (the command line's {@code --yes}). */
    public static final String ALLOW_FIELD = "longRunAllowed";

    /** About a minute: the bound of issue 35's acceptance ("zero runs over 60 s without a refusal"). */
    public static final double DEFAULT_REFUSE_SECONDS = 60;

    public RunLimits {
        if (!(refuseSeconds > 0) || Double.isInfinite(refuseSeconds)) {
            throw new IllegalArgumentException("refuseSeconds must be a positive finite number, got "
                    + refuseSeconds);
        }
    }

    /** The limit every command uses. */
    public static RunLimits standard() {
        return new RunLimits(DEFAULT_REFUSE_SECONDS);
    }

    /** Whether a run goes ahead, and what to say. */
    public sealed interface Decision permits Run, RunPastLimit, Refuse {
    }

    /** Estimated within the limit: runs, nothing said. */
    public record Run() implements Decision {
    }

    /** Estimated past the limit but allowed: runs, after {@code notice} (the estimate) is shown. */
    public record RunPastLimit(String notice) implements Decision {
    }

    /** Estimated past the limit and not allowed: refused with {@code message} (the estimate, how to go on). */
    public record Refuse(String message) implements Decision {
    }

    /**
     * The decision for {@code command}'s run of {@code estimate}; {@code smaller} says how to make the run smaller
     * in the caller's own words (e.g. "--rows/--cols, --simulator java").
     */
    public Decision decide(String command, ToolRunEstimate estimate, boolean longRunAllowed, String smaller) {
        if (estimate.totalSeconds() <= refuseSeconds) {
            return new Run();
        }
        if (longRunAllowed) {
            return new RunPastLimit(command + ": estimated " + estimate.describe() + " on an idle 2-core machine; "
                    + "the tools report every 30 s while they run");
        }
        return new Refuse(command + ": refused before starting: estimated " + estimate.describe() + ", past the "
                + ToolRunEstimate.duration(refuseSeconds) + " limit; make the run smaller (" + smaller
                + ") or set this to run it anyway");
    }

    /**
     * {@link #decide}, with a refusal thrown as bad input in {@link #ALLOW_FIELD}; returns the notice to show for
     * an allowed run past the limit, empty for one within it.
     */
    public Optional<String> enforce(String command, ToolRunEstimate estimate, boolean longRunAllowed,
                                    String smaller) {
        Decision d = decide(command, estimate, longRunAllowed, smaller);
        if (d instanceof Refuse refuse) {
            throw new BadRequestException(ALLOW_FIELD, refuse.message());
        }
        return d instanceof RunPastLimit past ? Optional.of(past.notice()) : Optional.empty();
    }
}
