package io.bitforge.verilog.fpga;

/**
 * A core clock divided on chip from the board's oscillator: the net nextpnr sees it on (a flip-flop promoted to a
 * global buffer, named after {@code net}) and the divider. A build that has one tells the report which of
 * nextpnr's clocks runs the core and which only the board shell.
 */
public record DividedClock(String net, int divider) {
    public DividedClock {
        if (net == null || net.isBlank()) {
            throw new IllegalArgumentException("a divided clock needs its net's name");
        }
        if (divider < 2) {
            throw new IllegalArgumentException("a divided clock's divider must be at least 2, got " + divider);
        }
    }

    /**
     * Whether nextpnr's clock {@code nextpnrName} is this net: nextpnr names a promoted clock after its driver
     * with a suffix, e.g. {@code core_clk_q_$glb_clk}.
     */
    public boolean names(String nextpnrName) {
        return nextpnrName.equals(net) || nextpnrName.startsWith(net + "_$") || nextpnrName.startsWith(net + "$");
    }
}
