package io.bitforge.verilog.board;

import io.bitforge.verilog.fpga.DividedClock;
import io.bitforge.verilog.pe.PeRtl;

/**
 * The clock a board top level runs its core (controller, array, UART) on: the board's 12 MHz oscillator divided
 * on chip by {@code divider} (1: undivided). A family whose PE cannot close timing at 12 MHz runs on a divided
 * clock: a flip-flop toggling on the board clock, promoted by nextpnr to a global net, with its own
 * {@code set_frequency} constraint so that nextpnr checks every path of the core against the slower clock and the
 * divider's own flip-flops against 12 MHz. The core's UART counts {@code 104 / divider} cycles a bit, so the baud
 * rate stays 115200 (12 MHz / 115200 = 104.17 cycles, see {@link HostProtocol#clocksPerBit()}). A nextpnr-ice40
 * 0.4 clock enable would not do: it has no multicycle constraints, so an enabled path is held to 12 MHz.
 */
public record CoreClock(int divider) {
    /** The net nextpnr's {@code set_frequency} names: the divided clock's flip-flop in the board shell. */
    public static final String NET = "core_clk_q";

    public CoreClock {
        if (divider != 1 && divider != 2 && divider != 4 && divider != 8) {
            throw new IllegalArgumentException("the core clock divider must be 1, 2, 4 or 8, got " + divider);
        }
    }

    /**
     * The divider for a PE cell: a cell that takes 16-bit activation codes (an FP16/BF16 datapath — mac-fp, OliVe's
     * weight-only mode, MixPE W4A16, BitMoD's FP16 activations — or a 16-bit integer multiplier) runs at 12 / 4 = 3 MHz;
     * narrower cells meet 12 MHz undivided. Measured in 1x1 board builds on the UP5K (nextpnr-ice40 0.4, seed 1; see
     * docs/fpga.md): mac-fp 3.7 MHz, ovp weight-only and shift-add W4A16 3.8 MHz, bit-serial FP16 11.0 MHz, while
     * mac-int INT8, bitfusion, ovp W4A4 and shift-add W4A8 close 12 MHz.
     */
    public static CoreClock forCell(PeRtl cell) {
        return forActivationBits(cell.activationCodeBits());
    }

    /** The divider for a cell whose activation codes are {@code activationCodeBits} wide (see {@link #forCell}). */
    public static CoreClock forActivationBits(int activationCodeBits) {
        return new CoreClock(activationCodeBits >= 16 ? 4 : 1);
    }

    /** Both boards' oscillator, 12 MHz ({@link HostProtocol#CLOCK_HERTZ}). */
    public static double boardMegahertz() {
        return HostProtocol.CLOCK_HERTZ / 1e6;
    }

    /**
     * The clock constraint a bare array of this cell gets by default ({@code fpga --pe/--hw}, {@code --max-array}):
     * the core clock its board build runs on, 12 MHz / {@link #forCell}'s divider (3 MHz for a 16-bit-activation
     * cell, else 12 MHz), so that a search sizes the array for the clock the board will run it at.
     */
    public static double defaultConstraintMegahertz(PeRtl cell) {
        return forCell(cell).megahertz(boardMegahertz());
    }

    public boolean divided() {
        return divider > 1;
    }

    /** The divided clock as the iCE40 flow reports it (its net and divider); null when undivided. */
    public DividedClock dividedClock() {
        return divided() ? new DividedClock(NET, divider) : null;
    }

    /** The core's clock in MHz for a board clock of {@code boardMegahertz}. */
    public double megahertz(double boardMegahertz) {
        return boardMegahertz / divider;
    }

    /** The core UART's cycles a bit for the board clock's {@code boardClocksPerBit}; the divider must divide it. */
    public int clocksPerBit(int boardClocksPerBit) {
        if (boardClocksPerBit % divider != 0) {
            throw new IllegalArgumentException("a UART bit of " + boardClocksPerBit + " board cycles does not "
                    + "divide by the core clock divider " + divider);
        }
        return boardClocksPerBit / divider;
    }

    /** The pin file line constraining the divided clock for nextpnr; empty when undivided. */
    public String pcfLine(double boardMegahertz) {
        return divided() ? "set_frequency " + NET + " " + megahertz(boardMegahertz) + "\n" : "";
    }
}
