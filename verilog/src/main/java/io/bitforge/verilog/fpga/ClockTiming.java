package io.bitforge.verilog.fpga;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One clock of a placed-and-routed build: nextpnr's clock net name, what it runs ({@link Role}), its target, the
 * Fmax nextpnr found for its paths and, on the clock icetime's figure is checked against, icetime's Fmax (icetime
 * knows no clock domains: its one worst path over the design is held to the slowest clock, NaN elsewhere), and
 * whether every figure given reaches the target.
 */
public record ClockTiming(String name, Role role, double targetMegahertz, double nextpnrMegahertz,
                          double icetimeMegahertz) {
    /** What a clock drives in a build. */
    public enum Role {
        /** The clock of the array, its controller and (in a board build) the UART core. */
        CORE("core"),
        /** The board's oscillator where it only drives the shell: the core clock's divider and power-on reset. */
        BOARD("board");

        private final String id;

        Role(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Both nextpnr's Fmax and, where this clock carries it, icetime's reach the target. */
    public boolean meets() {
        return nextpnrMegahertz >= targetMegahertz
                && (Double.isNaN(icetimeMegahertz) || icetimeMegahertz >= targetMegahertz);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("role", role.id());
        m.put("targetMegahertz", targetMegahertz);
        m.put("nextpnrMegahertz", nextpnrMegahertz);
        m.put("icetimeMegahertz", Double.isNaN(icetimeMegahertz) ? null : icetimeMegahertz);
        m.put("meets", meets());
        return m;
    }
}
