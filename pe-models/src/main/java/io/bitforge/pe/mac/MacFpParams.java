package io.bitforge.pe.mac;

import io.bitforge.core.spec.PeParams;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * mac-fp parameters: the floating-point format of the MAC ({@code fp16} or {@code bf16}) and whose synthesis
 * figures cost it ({@code bitmod}, the default: BitMoD's FP16 PE; {@code mixpe}: the (16, 16) unit of MixPE's
 * artefact).
 */
public record MacFpParams(String format, String costTable) implements PeParams {
    public MacFpParams {
        if (!format.equals("fp16") && !format.equals("bf16")) {
            throw new IllegalArgumentException("mac-fp format must be fp16 or bf16, got " + format);
        }
        if (!costTable.equals("bitmod") && !costTable.equals("mixpe")) {
            throw new IllegalArgumentException("mac-fp costTable must be bitmod or mixpe, got " + costTable);
        }
    }

    /** BitMoD's FP16 PE figures. */
    public MacFpParams(String format) {
        this(format, "bitmod");
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", format);
        if (!costTable.equals("bitmod")) {
            // only when set, so that existing designs keep their canonical form (and ids)
            map.put("costTable", costTable);
        }
        return map;
    }
}
