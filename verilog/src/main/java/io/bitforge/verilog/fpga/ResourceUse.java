package io.bitforge.verilog.fpga;

import java.util.LinkedHashMap;
import java.util.Map;

/** Cells of one resource kind a build uses, of those the part has (available 0: not reported by the tool). */
public record ResourceUse(int used, int available) {
    public ResourceUse {
        if (used < 0 || available < 0) {
            throw new IllegalArgumentException("resource counts must be >= 0, got " + used + "/" + available);
        }
    }

    /** Percent used, one decimal; 0 when the part has none. */
    public double percent() {
        return available == 0 ? 0.0 : Math.round(1000.0 * used / available) / 10.0;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("used", used);
        m.put("available", available);
        m.put("percent", percent());
        return m;
    }
}
