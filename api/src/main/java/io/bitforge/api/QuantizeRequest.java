package io.bitforge.api;

import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.quant.Quantizer;
import io.bitforge.workloads.tensors.MatrixSource;
import io.bitforge.workloads.tensors.QuantStudy;
import io.bitforge.workloads.tensors.QuantizeWork;

import java.util.List;

/**
 * Weight matrices through quantizers: what {@link BitForge#quantize} takes. Each quantizer is applied to each
 * matrix; {@code tokens} seeded activations (from {@code seed}; 0 = none) measure the error of W.X.
 *
 * @param blockElements  how many weights are read and quantised at a time (memory bound, not a result setting)
 * @param longRunAllowed run even when estimated past a minute ({@link QuantizeWork}; refused otherwise)
 */
public record QuantizeRequest(List<Quantizer> quantizers, List<MatrixSource> matrices, int tokens, long seed,
                              int blockElements, boolean longRunAllowed) {
    public QuantizeRequest {
        quantizers = List.copyOf(quantizers);
        matrices = List.copyOf(matrices);
        if (quantizers.isEmpty()) {
            throw new BadRequestException("quantizers", "at least one format is needed");
        }
        if (tokens < 0) {
            throw BadRequestException.of("tokens", tokens, "must be >= 0");
        }
    }

    /** The default block size. */
    public static QuantizeRequest of(List<Quantizer> quantizers, List<MatrixSource> matrices, int tokens,
                                     long seed) {
        return new QuantizeRequest(quantizers, matrices, tokens, seed, QuantStudy.DEFAULT_BLOCK_ELEMENTS, false);
    }

    /** This request, run even when estimated past a minute or not. */
    public QuantizeRequest withLongRunAllowed(boolean allowed) {
        return new QuantizeRequest(quantizers, matrices, tokens, seed, blockElements, allowed);
    }

    /** Refuses the request when it is estimated past a minute and not allowed to run that long. */
    void checkWork() {
        QuantizeWork.of(quantizers, matrices, tokens).check(longRunAllowed);
    }
}
