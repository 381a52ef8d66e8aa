package io.bitforge.roofline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LLM-Viewer's per-layer rows for Llama-2-7B on A100 (1555 GB/s, 312 TFLOP/s), batch 1, decode at sequence
 * length 1024, 16-bit everything, unfused attention (hahnyuan/LLM-Viewer, commit 472f71f, model_analyzer.py).
 * Values are for all {@code multiplier} layers together.
 */
record LlmViewerAnchor(String name, long multiplier, double ops, double bytes, double loadWeight, double loadAct,
                       double storeAct, double loadKv, double storeKv, String bound, double seconds) {

    static Map<String, LlmViewerAnchor> load() {
        Map<String, LlmViewerAnchor> rows = new LinkedHashMap<>();
        try (InputStream in = LlmViewerAnchor.class.getResourceAsStream("/llmviewer-llama2-7b-a100-decode1024.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.lines().skip(1).toList()) {
                String[] f = line.split(",", -1);
                if (!f[1].equals("layer")) {
                    continue;
                }
                long mult = Long.parseLong(f[3]);
                rows.put(f[2], new LlmViewerAnchor(f[2], mult, d(f[4]) * mult, d(f[5]) * mult, d(f[6]) * mult,
                        d(f[7]) * mult, d(f[8]) * mult, d(f[9]) * mult, d(f[10]) * mult, f[11], d(f[12]) * mult));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
