package io.bitforge.api;

import io.bitforge.core.io.BadRequestException;
import io.bitforge.workloads.tensors.MatrixSource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One weight matrix programmed into the crossbars of a {@code reram} design, read out by each SAR-ADC scheme:
 * what {@link BitForge#adcStudy} takes.
 *
 * @param hardware a reram spec or preset ({@value #DEFAULT_PRESET} when null)
 * @param weights  the weight matrix, [outputs, inputs]
 * @param source   how the weights were obtained (file and tensor, or the synthetic generator), written to the result
 * @param tokens   seeded activation vectors to multiply, 1 to {@value #MAX_TOKENS}
 * @param seed     seed of the activations
 */
public record AdcStudyRequest(HardwareChoice hardware, MatrixSource weights, Map<String, Object> source, int tokens,
                              long seed) {
    public static final String DEFAULT_PRESET = "isaac-like";
    /** Activation vectors: each is an [inputs] vector held in memory with the weights. */
    public static final int MAX_TOKENS = 65_536;

    public AdcStudyRequest {
        hardware = hardware == null ? HardwareChoice.named(DEFAULT_PRESET) : hardware;
        if (weights == null) {
            throw new BadRequestException("weights", "is required (a tensor of a checkpoint or a synthetic matrix)");
        }
        source = source == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(source));
        if (tokens < 1 || tokens > MAX_TOKENS) {
            throw BadRequestException.of("tokens", tokens, "must be from 1 to " + MAX_TOKENS);
        }
    }
}
