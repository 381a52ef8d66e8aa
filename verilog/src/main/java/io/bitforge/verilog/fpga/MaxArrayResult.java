package io.bitforge.verilog.fpga;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The largest array of one PE family that placed and routed on a part ({@link MaxArraySearch}): its shape, the
 * build's report (utilisation, Fmax) and every size tried. {@code best} is null when not even a 1x1 array fits.
 */
public record MaxArrayResult(String family, String mode, FpgaPart part, MultiplierMapping mapping, int rows,
                             int cols, FpgaReport best, List<ArrayAttempt> attempts) {
    public MaxArrayResult {
        attempts = List.copyOf(attempts);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", family);
        m.put("mode", mode);
        m.put("device", part.device());
        m.put("package", part.pkg());
        m.put("multipliers", mapping.id());
        if (best != null) {
            m.put("rows", rows);
            m.put("cols", cols);
            m.put("logicCells", best.logicCells().toMap());
            m.put("dspBlocks", best.dspBlocks().toMap());
            m.put("blockRams", best.blockRams().toMap());
            m.put("fmaxMegahertz", best.coreFmaxMegahertz());
            m.put("icetimeMegahertz", best.icetimeMegahertz());
            m.put("meetsClock", best.meetsClock());
        }
        m.put("attempts", attempts.stream().map(ArrayAttempt::toMap).toList());
        return m;
    }
}
