package io.bitforge.verilog.emit;

/**
 * Emitter switches. {@code initialReadData}: give synchronous memory read registers an initial value of zero,
 * so the Verilog starts exactly like the Java simulator (used for cosimulation). iCE40 block RAM output
 * registers have no initial value, so Yosys emulates one with a flag flip-flop and a mux per data bit (measured:
 * 17 extra LUTs for a 256 × 16 RAM); synthesis builds turn it off and the read data is undefined until the first
 * read. Ordinary registers always start at zero (free on iCE40 flip-flops).
 */
public record EmitOptions(boolean initialReadData) {
    /** Bit-exact with the Java simulator from cycle 0. */
    public static EmitOptions simulation() {
        return new EmitOptions(true);
    }

    /** For FPGA builds: nothing that costs logic just to define power-up values. */
    public static EmitOptions synthesis() {
        return new EmitOptions(false);
    }
}
