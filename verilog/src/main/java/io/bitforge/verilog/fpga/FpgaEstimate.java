package io.bitforge.verilog.fpga;

import io.bitforge.core.io.Json;
import io.bitforge.verilog.tools.SynthReport;
import io.bitforge.verilog.tools.Yosys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Yosys-only resource estimate for a family without open place and route ({@link EstimateTarget}): cells by type
 * and LUTs, flip-flops, DSP blocks and block RAMs against a reference part. No Fmax: nothing is placed.
 */
public record FpgaEstimate(String design, String top, EstimateTarget target, SynthReport cells) {
    /** Synthesises {@code files} in {@code dir} and writes {@code fpga-report.json} there. */
    public static FpgaEstimate build(Path dir, List<String> files, String top, String design, EstimateTarget target) {
        SynthReport r = Yosys.synth(dir, files, top, target.flow(), null, Duration.ofMinutes(20));
        FpgaEstimate estimate = new FpgaEstimate(design, top, target, r);
        FpgaFlow.write(dir.resolve(FpgaFlow.REPORT_FILE), Json.write(estimate.toMap()));
        return estimate;
    }

    public ResourceUse luts() {
        return target.use(cells)[0];
    }

    public ResourceUse flipFlops() {
        return target.use(cells)[1];
    }

    public ResourceUse dspBlocks() {
        return target.use(cells)[2];
    }

    public ResourceUse blockRams() {
        return target.use(cells)[3];
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", design);
        m.put("top", top);
        m.put("device", target.id());
        m.put("estimate", true);
        m.put("note", "Yosys " + target.flow().command(top).split(" ")[0] + " resource estimate: not placed or "
                + "routed (no open place and route for this family), so no Fmax; utilisation against the "
                + target.referencePart());
        m.put("referencePart", target.referencePart());
        m.put("cells", cells.cellsByType());
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("luts", luts().toMap());
        resources.put("flipFlops", flipFlops().toMap());
        resources.put("dspBlocks", dspBlocks().toMap());
        resources.put("blockRams", blockRams().toMap());
        m.put("resources", resources);
        return m;
    }
}
