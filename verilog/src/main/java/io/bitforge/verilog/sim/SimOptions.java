package io.bitforge.verilog.sim;

/**
 * Simulator switches. {@code recordTrace}: keep the top-level ports of every cycle (for VCD and testbench
 * replay). {@code failOnUndefinedReadUnderWrite}: a same-address read and write in one cycle on a memory whose
 * policy is UNDEFINED stops the run (the hardware gives no defined value). {@code countActivity}: keep the
 * action counters of {@link Activity}. {@code engine}: interpret the design or compile it ({@link SimEngine});
 * both give the same values every cycle.
 */
public record SimOptions(boolean recordTrace, boolean failOnUndefinedReadUnderWrite, boolean countActivity,
        SimEngine engine) {
    public SimOptions {
        java.util.Objects.requireNonNull(engine, "engine");
    }

    /** The interpreter, as before engines were selectable. */
    public SimOptions(boolean recordTrace, boolean failOnUndefinedReadUnderWrite, boolean countActivity) {
        this(recordTrace, failOnUndefinedReadUnderWrite, countActivity, SimEngine.INTERPRETED);
    }

    public static SimOptions defaults() {
        return new SimOptions(false, true, false, SimEngine.INTERPRETED);
    }

    public SimOptions withTrace() {
        return new SimOptions(true, failOnUndefinedReadUnderWrite, countActivity, engine);
    }

    public SimOptions withActivity() {
        return new SimOptions(recordTrace, failOnUndefinedReadUnderWrite, true, engine);
    }

    public SimOptions withEngine(SimEngine newEngine) {
        return new SimOptions(recordTrace, failOnUndefinedReadUnderWrite, countActivity, newEngine);
    }
}
