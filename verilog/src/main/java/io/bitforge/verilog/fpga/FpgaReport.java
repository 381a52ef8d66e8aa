package io.bitforge.verilog.fpga;

import io.bitforge.verilog.tools.PnrReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one iCE40 build gave, written as {@code fpga-report.json} beside the bitstream: Yosys cells by type, logic
 * cells, flip-flops, DSP blocks, block RAMs and I/O used of those the part has (nextpnr-ice40's counts; flip-flops
 * from Yosys), where the multipliers went, Fmax per clock from nextpnr and from icetime, and whether timing closes
 * (every clock at its own target). {@code clockMegahertz} is the board clock's constraint; {@code dividedClock},
 * when not null, is the core's clock divided from it on chip.
 */
public record FpgaReport(String design, String top, FpgaPart part, MultiplierMapping mapping, int multipliers,
                         int logicMultipliers, double clockMegahertz, DividedClock dividedClock, int seed,
                         SortedMap<String, Integer> cells, int flipFlops, PnrReport pnr, double icetimeMegahertz,
                         String bitstream, long bitstreamBytes) {
    public ResourceUse logicCells() {
        return use("ICESTORM_LC");
    }

    public ResourceUse dspBlocks() {
        return use("ICESTORM_DSP");
    }

    public ResourceUse blockRams() {
        return use("ICESTORM_RAM");
    }

    public ResourceUse io() {
        return use("SB_IO");
    }

    /** The core's clock divider: 1 when the core runs on the board clock itself. */
    public int coreClockDivider() {
        return dividedClock == null ? 1 : dividedClock.divider();
    }

    /** The core's (array, controller, UART) target clock: the board clock over the divider. */
    public double coreClockMegahertz() {
        return clockMegahertz / coreClockDivider();
    }

    /**
     * Every clock nextpnr timed, in nextpnr's (name) order, with its role and target. icetime's figure, which
     * knows no clock domains, goes to the slowest clock, the one it is checked against; with a divided clock that
     * is the core's, whose paths hold the design's worst one.
     */
    public List<ClockTiming> clocks() {
        List<ClockTiming> clocks = new ArrayList<>();
        pnr.fmaxMhz().forEach((name, achieved) -> {
            boolean core = dividedClock == null || dividedClock.names(name);
            double target = core ? coreClockMegahertz() : clockMegahertz;
            double icetime = core ? icetimeMegahertz : Double.NaN;
            clocks.add(new ClockTiming(name, core ? ClockTiming.Role.CORE : ClockTiming.Role.BOARD, target,
                    achieved, icetime));
        });
        return clocks;
    }

    /**
     * nextpnr's Fmax of the core's clock (the array, its controller and a board build's UART); NaN when the
     * design has no register-to-register path (e.g. a bare RAM).
     */
    public double coreFmaxMegahertz() {
        return clocks().stream().filter(c -> c.role() == ClockTiming.Role.CORE)
                .mapToDouble(ClockTiming::nextpnrMegahertz).min().orElse(Double.NaN);
    }

    /**
     * nextpnr's Fmax of the board's oscillator clock: the core's when undivided, else that of the shell's
     * divider and power-on reset; NaN without a register-to-register path.
     */
    public double boardClockFmaxMegahertz() {
        if (dividedClock == null) {
            return coreFmaxMegahertz();
        }
        return clocks().stream().filter(c -> c.role() == ClockTiming.Role.BOARD)
                .mapToDouble(ClockTiming::nextpnrMegahertz).min().orElse(Double.NaN);
    }

    /**
     * Every clock meets its own target (nextpnr), and icetime's worst path meets the core's (slowest) target. A
     * design without a register-to-register path has no nextpnr clock; icetime's figure decides.
     */
    public boolean meetsClock() {
        return clocks().stream().allMatch(ClockTiming::meets) && icetimeMegahertz >= coreClockMegahertz();
    }

    private static Double orNull(double megahertz) {
        return Double.isNaN(megahertz) ? null : megahertz;
    }

    private ResourceUse use(String resource) {
        return new ResourceUse(pnr.used(resource), pnr.available(resource));
    }

    /** The JSON object, keys in a fixed order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", design);
        m.put("top", top);
        m.put("device", part.device());
        m.put("package", part.pkg());
        m.put("estimate", false);
        m.put("clockConstraintMegahertz", clockMegahertz);
        m.put("seed", seed);
        Map<String, Object> mul = new LinkedHashMap<>();
        mul.put("mapping", mapping.id());
        mul.put("count", multipliers);
        mul.put("inLogic", logicMultipliers);
        m.put("multipliers", mul);
        m.put("cells", cells);
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("logicCells", logicCells().toMap());
        resources.put("flipFlops", flipFlops);
        resources.put("dspBlocks", dspBlocks().toMap());
        resources.put("blockRams", blockRams().toMap());
        resources.put("io", io().toMap());
        m.put("resources", resources);
        Map<String, Object> utilisation = new LinkedHashMap<>();
        for (String resource : pnr.used().keySet()) {
            utilisation.put(resource, Map.of("used", pnr.used(resource), "available", pnr.available(resource)));
        }
        m.put("utilization", utilisation);
        m.put("coreClockDivider", coreClockDivider());
        m.put("coreClockMegahertz", coreClockMegahertz());
        m.put("coreFmaxMegahertz", orNull(coreFmaxMegahertz()));
        m.put("boardClockFmaxMegahertz", orNull(boardClockFmaxMegahertz()));
        m.put("icetimeMegahertz", icetimeMegahertz);
        m.put("clocks", clocks().stream().map(ClockTiming::toMap).toList());
        m.put("meetsClock", meetsClock());
        m.put("bitstream", bitstream);
        m.put("bitstreamBytes", bitstreamBytes);
        return m;
    }
}
