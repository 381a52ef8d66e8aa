package io.bitforge.verilog.fpga;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One array size the largest-array search tried: Yosys's estimate of its logic cells (LUT4s plus flip-flops,
 * which over-counts nextpnr's packed cells by a few percent), and, when it was placed, whether it fit and why not.
 */
public record ArrayAttempt(int rows, int cols, Integer estimatedLogicCells, boolean placed, boolean fits,
                           String reason) {
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("cols", cols);
        m.put("estimatedLogicCells", estimatedLogicCells);
        m.put("placed", placed);
        m.put("fits", fits);
        m.put("reason", reason);
        return m;
    }
}
