package io.bitforge.verilog.sim;

/**
 * Simulator switches. {@code recordTrace}: keep the top-level ports of every cycle (for VCD and testbench
 * replay). {@code failOnUndefinedReadUnderWrite}: a same-address read and write in one cycle on a memory whose
 * policy is UNDEFINED stops the run (the hardware gives no defined value). {@code countActivity}: keep the
 * action counters of {@link Activity}.
 */
public record SimOptions(boolean recordTrace, boolean failOnUndefinedReadUnderWrite, boolean countActivity) {
    public static SimOptions defaults() {
        return new SimOptions(false, true, false);
    }

    public SimOptions withTrace() {
        return new SimOptions(true, failOnUndefinedReadUnderWrite, countActivity);
    }

    public SimOptions withActivity() {
        return new SimOptions(recordTrace, failOnUndefinedReadUnderWrite, true);
    }
}
