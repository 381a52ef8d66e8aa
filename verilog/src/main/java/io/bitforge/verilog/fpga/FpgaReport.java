package io.bitforge.verilog.fpga;

import io.bitforge.verilog.tools.PnrReport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one iCE40 build gave, written as {@code fpga-report.json} beside the bitstream: Yosys cells by type, logic
 * cells, flip-flops, DSP blocks, block RAMs and I/O used of those the part has (nextpnr-ice40's counts; flip-flops
 * from Yosys), where the multipliers went, Fmax from nextpnr and from icetime, and whether timing closes at the
 * clock constraint (both Fmax figures at or above it).
 */
public record FpgaReport(String design, String top, FpgaPart part, MultiplierMapping mapping, int multipliers,
                         int logicMultipliers, double clockMegahertz, int seed, SortedMap<String, Integer> cells,
                         int flipFlops, PnrReport pnr, double icetimeMegahertz, String bitstream,
                         long bitstreamBytes) {
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

    /** nextpnr's Fmax; NaN when the design has no register-to-register path (e.g. a bare RAM). */
    public double fmaxMegahertz() {
        return pnr.worstFmaxMhz();
    }

    /**
     * Both nextpnr's (when it has one) and icetime's Fmax reach the clock constraint. With a clock divided on chip
     * (a board build of a slow family) nextpnr checks every clock against its own constraint, and icetime, which
     * knows no clock domains, has its worst path held to the slowest clock.
     */
    public boolean meetsClock() {
        double slowest = Math.min(clockMegahertz, Double.isNaN(pnr.slowestConstraintMhz()) ? clockMegahertz
                : pnr.slowestConstraintMhz());
        boolean nextpnr = Double.isNaN(fmaxMegahertz()) || (pnr.constraintMhz().size() > 1
                ? pnr.meetsEveryConstraint() : fmaxMegahertz() >= clockMegahertz);
        return nextpnr && icetimeMegahertz >= slowest;
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
        m.put("fmaxMegahertz", Double.isNaN(fmaxMegahertz()) ? null : fmaxMegahertz());
        if (pnr.fmaxMhz().size() > 1) {
            Map<String, Object> clocks = new LinkedHashMap<>();
            pnr.fmaxMhz().forEach((clock, achieved) -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("fmaxMegahertz", achieved);
                c.put("constraintMegahertz", pnr.constraintMhz().getOrDefault(clock, clockMegahertz));
                clocks.put(clock, c);
            });
            m.put("clocks", clocks);
        }
        m.put("icetimeMegahertz", icetimeMegahertz);
        m.put("meetsClock", meetsClock());
        m.put("bitstream", bitstream);
        m.put("bitstreamBytes", bitstreamBytes);
        return m;
    }
}
