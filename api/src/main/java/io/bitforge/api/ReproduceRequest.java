package io.bitforge.api;

import io.bitforge.core.io.BadRequestException;

import java.nio.file.Path;

/**
 * A paper's reproduction: {@code paper} is {@code ant}, {@code bitmod} or {@code mixpe}; {@code directory} holds its
 * {@code reproduction.yaml} (null = {@code examples/reproduce/<paper>} under the working directory).
 */
public record ReproduceRequest(String paper, Path directory) {
    public ReproduceRequest {
        if (paper == null) {
            throw new BadRequestException("paper", "is required: ant, bitmod or mixpe");
        }
    }

    public static ReproduceRequest of(String paper) {
        return new ReproduceRequest(paper, null);
    }
}
