package io.bitforge.workloads.llm;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.workload.WorkloadSettings;

/**
 * The builder's switches, read from {@link WorkloadSettings#options()}:
 * {@code attention=full|causal} (prefill attention counting, default full), {@code causalBlock=N} (rows per
 * causal block, default 128, FlashAttention-2's tile), {@code lmHead=last|all} (prefill lm_head on the last token
 * of each sequence, the default, or on every prompt token), {@code kvBucket=N} (cache lengths grouped per decode
 * attention op, default 32; see {@link DecodeAttention}), {@code allowLongContext=true|false} (accept sequences
 * longer than the model's context limit, default false).
 */
public record LlmOptions(AttentionCounting attention, int causalBlock, boolean lmHeadAllTokens, int kvBucket,
                         boolean allowLongContext) {
    public static final String KEYS = "attention=full|causal, causalBlock=N, lmHead=last|all, kvBucket=N, "
            + "allowLongContext=true|false";
    public static final String ALLOW_LONG_CONTEXT = "allowLongContext";

    public static LlmOptions defaults() {
        return new LlmOptions(AttentionCounting.FULL, 128, false, 32, false);
    }

    public static LlmOptions from(WorkloadSettings settings) {
        for (String key : settings.options().keySet()) {
            if (!key.equals("attention") && !key.equals("causalBlock") && !key.equals("lmHead")
                    && !key.equals("kvBucket") && !key.equals(ALLOW_LONG_CONTEXT)) {
                throw BadInputException.field(null, "workload option", key, "must be one of " + KEYS);
            }
        }
        String attention = settings.option("attention", "full");
        if (!attention.equals("full") && !attention.equals("causal")) {
            throw BadRequestException.of("attention", attention, "must be full or causal");
        }
        String lmHead = settings.option("lmHead", "last");
        if (!lmHead.equals("last") && !lmHead.equals("all")) {
            throw BadRequestException.of("lmHead", lmHead, "must be last or all");
        }
        String allowLong = settings.option(ALLOW_LONG_CONTEXT, "false");
        if (!allowLong.equals("true") && !allowLong.equals("false")) {
            throw BadInputException.field(null, "workload option " + ALLOW_LONG_CONTEXT, allowLong,
                    "must be true or false");
        }
        return new LlmOptions(attention.equals("causal") ? AttentionCounting.CAUSAL : AttentionCounting.FULL,
                positive(settings, "causalBlock", 128), lmHead.equals("all"), positive(settings, "kvBucket", 32),
                allowLong.equals("true"));
    }

    private static int positive(WorkloadSettings settings, String key, int fallback) {
        String text = settings.option(key, String.valueOf(fallback));
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw BadInputException.field(null, "workload option " + key, text, "must be a positive integer");
    }
}
