package io.bitforge.verilog.board;

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
     * The divider for a PE family: {@code mac-fp}'s FP16 cell is one combinational multiply-align-add-normalise
     * path that nextpnr-ice40 0.4 places at 3.7 MHz in a 1x1 board build on the UP5K (measured, seed 1; see
     * docs/fpga.md), so it runs at 12 / 4 = 3 MHz; every other family meets 12 MHz undivided.
     */
    public static CoreClock forFamily(String family) {
        return new CoreClock("mac-fp".equals(family) ? 4 : 1);
    }

    public boolean divided() {
        return divider > 1;
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
