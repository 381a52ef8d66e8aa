package io.bitforge.pe.mac;

import io.bitforge.core.spec.PeParams;

import java.util.Map;

/** mac-fp parameters: the floating-point format of the MAC ({@code fp16} or {@code bf16}). */
public record MacFpParams(String format) implements PeParams {
    public MacFpParams {
        if (!format.equals("fp16") && !format.equals("bf16")) {
            throw new IllegalArgumentException("mac-fp format must be fp16 or bf16, got " + format);
        }
    }

    @Override
    public Map<String, Object> asMap() {
        return Map.of("format", format);
    }
}
