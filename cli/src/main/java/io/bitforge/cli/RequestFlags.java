package io.bitforge.cli;

import io.bitforge.core.io.BadRequestException;

import java.util.Map;

/**
 * The one place where library request fields become command-line flags: a {@link BadRequestException} about
 * {@code batch} is printed as {@code --batch: ...}. A field without a flag here is printed as the library names it.
 */
public final class RequestFlags {
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("hardware", "--hw"),
            Map.entry("workload", "--workload"),
            Map.entry("modelConfig", "--model-config"),
            Map.entry("device", "--device"),
            Map.entry("m", "--m"),
            Map.entry("k", "--k"),
            Map.entry("n", "--n"),
            Map.entry("bandwidthBytesPerCycle", "--bandwidth-bytes-per-cycle"),
            Map.entry("device/hardware", "--device/--hw"),
            Map.entry("queryBlock", "--query-block"),
            Map.entry("tensorParallel", "--tp"),
            Map.entry("linkGigabytesPerSecond", "--link-gbps"),
            Map.entry("phase", "--phase"),
            Map.entry("batch", "--batch"),
            Map.entry("prompt", "--prompt"),
            Map.entry("context", "--context"),
            Map.entry("generate", "--generate"),
            Map.entry("context + generate", "--context + --generate"),
            Map.entry("prompt + generate", "--prompt + --generate"),
            Map.entry("allowLongContext", "--allow-long-context"),
            Map.entry("quant", "--quant"),
            Map.entry("attention", "--attention"),
            Map.entry("lmHead", "--lm-head"),
            Map.entry("steps", "--steps"),
            Map.entry("resolution", "--resolution"),
            Map.entry("guidance", "--no-guidance"),
            Map.entry("textEncoder", "--text-encoder"),
            Map.entry("vaeDecoder", "--vae-decoder"),
            Map.entry("svdquantRank", "--svdquant-rank"),
            Map.entry("paper", "PAPER"),
            Map.entry("directory", "--dir"),
            Map.entry("strategy", "--strategy"),
            Map.entry("resume", "--resume"),
            Map.entry("out", "--out"),
            Map.entry("in", "--in"),
            Map.entry("dequantizedOut", "--dequantized-out"),
            Map.entry("mapping", "--mapping"));

    private RequestFlags() {
    }

    /** The flag that sets {@code field}, or the field's own name when no flag does. */
    public static String flag(String field) {
        return FLAGS.getOrDefault(field, field);
    }

    /** The exception's message as the command line words it. */
    public static String message(BadRequestException e) {
        return flag(e.field()) + ": " + e.detail();
    }
}
