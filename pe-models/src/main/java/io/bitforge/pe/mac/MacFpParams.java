package io.bitforge.pe.mac;

import io.bitforge.core.spec.PeParams;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * mac-fp parameters: the floating-point format of the MAC ({@code fp16} or {@code bf16}), a multiplier on the
 * cell's energy and area for placement and routing (BitMoD's artefact: 1.5, {@code bitmod_sim/pe_array.py
 * PR_SCALING}; default 1), and whose synthesis figures cost it ({@code bitmod}, the default: BitMoD's FP16 PE;
 * {@code mixpe}: the (16, 16) unit of MixPE's artefact).
 */
public record MacFpParams(String format, double placeAndRouteFactor, String costTable) implements PeParams {
    public MacFpParams {
        if (!format.equals("fp16") && !format.equals("bf16")) {
            throw new IllegalArgumentException("mac-fp format must be fp16 or bf16, got " + format);
        }
        if (!(placeAndRouteFactor >= 1 && placeAndRouteFactor <= 4)) {
            throw new IllegalArgumentException("place-and-route factor must be in [1, 4], got " + placeAndRouteFactor);
        }
        if (!costTable.equals("bitmod") && !costTable.equals("mixpe")) {
            throw new IllegalArgumentException("mac-fp costTable must be bitmod or mixpe, got " + costTable);
        }
    }

    /** BitMoD's FP16 PE figures as published (no place-and-route factor). */
    public MacFpParams(String format) {
        this(format, 1.0, "bitmod");
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", format);
        // the optional parameters only when set, so that designs without them keep their ids
        if (placeAndRouteFactor != 1.0) {
            map.put("placeAndRouteFactor", placeAndRouteFactor);
        }
        if (!costTable.equals("bitmod")) {
            map.put("costTable", costTable);
        }
        return map;
    }
}
