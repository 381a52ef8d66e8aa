package io.bitforge.verilog.fpga;

import io.bitforge.verilog.tools.PnrReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-clock timing of {@code fpga-report.json}, from hand-made nextpnr reports: the clock names and figures are
 * those nextpnr-ice40 0.4 gave for a 1x1 mac-fp board build on the HX8K (board clock 342.1 MHz, core clock on
 * {@code core_clk_q} 9.0 MHz, icetime 8.97 MHz), so no tool runs here.
 */
class FpgaReportTest {
    private static final String BOARD_NET = "clk$SB_IO_IN_$glb_clk";
    private static final String CORE_NET = "core_clk_q_$glb_clk";

    private static FpgaReport report(Map<String, Double> fmax, Map<String, Double> constraint,
                                     DividedClock divided, double icetime) {
        PnrReport pnr = new PnrReport(new TreeMap<>(fmax), new TreeMap<>(constraint),
                new TreeMap<>(Map.of("ICESTORM_LC", 2647)), new TreeMap<>(Map.of("ICESTORM_LC", 7680)));
        return new FpgaReport("pe:mac-fp", "hx8k_breakout_top", FpgaPart.HX8K, MultiplierMapping.AUTO, 1, 1, 12.0,
                divided, 1, new TreeMap<>(), 520, pnr, icetime, "top.bin", 135_100);
    }

    private static FpgaReport divided(double icetime) {
        return report(Map.of(BOARD_NET, 342.1, CORE_NET, 9.0), Map.of(BOARD_NET, 12.0, CORE_NET, 3.0000029),
                new DividedClock("core_clk_q", 4), icetime);
    }

    @Test
    void aDividedBuildReportsTheCoreAndTheBoardClockApart() {
        FpgaReport r = divided(8.97);
        List<ClockTiming> clocks = r.clocks();
        assertEquals(2, clocks.size());
        ClockTiming board = clocks.get(0);
        assertEquals(BOARD_NET, board.name());
        assertEquals(ClockTiming.Role.BOARD, board.role());
        assertEquals(12.0, board.targetMegahertz());
        assertTrue(Double.isNaN(board.icetimeMegahertz()), "icetime's one figure belongs to the slowest clock");
        ClockTiming core = clocks.get(1);
        assertEquals(ClockTiming.Role.CORE, core.role());
        assertEquals(3.0, core.targetMegahertz(), "12 MHz / 4");
        assertEquals(8.97, core.icetimeMegahertz());
        assertTrue(board.meets() && core.meets());
        assertEquals(9.0, r.coreFmaxMegahertz());
        assertEquals(342.1, r.boardClockFmaxMegahertz());
        assertEquals(4, r.coreClockDivider());
        assertTrue(r.meetsClock());

        Map<String, Object> json = r.toMap();
        assertFalse(json.containsKey("fmaxMegahertz"), "the worst-over-clocks figure is gone: it read as the core's");
        assertEquals(9.0, json.get("coreFmaxMegahertz"));
        assertEquals(342.1, json.get("boardClockFmaxMegahertz"));
        assertEquals(3.0, json.get("coreClockMegahertz"));
        assertEquals(2, ((List<?>) json.get("clocks")).size());
    }

    @Test
    void icetimeBelowTheCoreTargetFailsTheCoreClockOnly() {
        FpgaReport r = divided(2.5);
        assertTrue(r.clocks().get(0).meets());
        assertFalse(r.clocks().get(1).meets());
        assertFalse(r.meetsClock());
    }

    @Test
    void anUndividedBuildHasOneCoreClockThatIsAlsoTheBoardClock() {
        FpgaReport r = report(Map.of(BOARD_NET, 37.6), Map.of(BOARD_NET, 12.0), null, 37.4);
        assertEquals(1, r.clocks().size());
        assertEquals(ClockTiming.Role.CORE, r.clocks().get(0).role());
        assertEquals(12.0, r.clocks().get(0).targetMegahertz());
        assertEquals(37.6, r.coreFmaxMegahertz());
        assertEquals(37.6, r.boardClockFmaxMegahertz());
        assertTrue(r.meetsClock());
        assertFalse(report(Map.of(BOARD_NET, 11.9), Map.of(BOARD_NET, 12.0), null, 37.4).meetsClock());
    }

    @Test
    void withoutARegisterToRegisterPathIcetimeDecides() {
        FpgaReport r = report(Map.of(), Map.of(), null, 150.0);
        assertTrue(r.clocks().isEmpty());
        assertNull(r.toMap().get("coreFmaxMegahertz"));
        assertTrue(r.meetsClock());
        assertFalse(report(Map.of(), Map.of(), null, 11.0).meetsClock());
    }
}
