package io.bitforge.roofline;

/**
 * A whole generation request: time to first token (the prefill phase, which produces it), time per output
 * token (the decode phase's time divided by the tokens each sequence generates in it), decode throughput and
 * end-to-end throughput in generated tokens per second over the whole batch.
 */
public record GenerationSummary(double timeToFirstTokenSeconds, double timePerOutputTokenSeconds,
                                double decodeTokensPerSecond, double endToEndTokensPerSecond,
                                double totalSeconds) {

    /**
     * @param prefill prefill phase, or null when only decode was analysed (TTFT and end-to-end figures are then
     *                NaN: unknown)
     * @param decode  decode phase covering every generated token, or null
     * @param batch   sequences in the batch
     */
    public static GenerationSummary of(PhaseRoofline prefill, PhaseRoofline decode, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        double ttft = prefill == null ? Double.NaN : prefill.seconds();
        if (decode == null || decode.outputItems() == 0) {
            return new GenerationSummary(ttft, Double.NaN, Double.NaN, Double.NaN, ttft);
        }
        double decodeSeconds = decode.seconds();
        double tokensPerSequence = (double) decode.outputItems() / batch;
        double total = prefill == null ? decodeSeconds : ttft + decodeSeconds;
        return new GenerationSummary(ttft, decodeSeconds / tokensPerSequence,
                decode.outputItems() / decodeSeconds, decode.outputItems() / (ttft + decodeSeconds), total);
    }
}
