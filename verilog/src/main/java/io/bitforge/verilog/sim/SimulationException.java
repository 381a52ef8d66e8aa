package io.bitforge.verilog.sim;

/** The design did something the simulator treats as an error (e.g. an undefined read-under-write). */
public final class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulationException(String message) {
        super(message);
    }
}
