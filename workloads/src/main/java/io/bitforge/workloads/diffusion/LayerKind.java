package io.bitforge.workloads.diffusion;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The layer kinds a diffusion quantisation config addresses separately. Published diffusion PTQ work
 * (Q-Diffusion, PTQ4DiT, SVDQuant) quantises convolutions, attention projections and feed-forward layers and
 * keeps the input/output layers and embeddings at 16 bits; the attention matmuls (both operands are
 * activations) are a separate choice.
 */
public enum LayerKind {
    /** ResNet 3×3 convolutions, 1×1 shortcuts, down/up-sampling convolutions. */
    CONV,
    /** Attention projections: q, k, v, out (self and cross), transformer proj_in/proj_out. */
    ATTENTION,
    /** Feed-forward layers: GEGLU/GELU up-projection and down-projection. */
    FFN,
    /** adaLN modulation linears (DiT's per-block adaLN-Zero, PixArt's shared adaLN-single). */
    ADALN,
    /** Everything at the edges: conv_in/conv_out, patchify, final projection, time/class/text embeddings. */
    EMBED,
    /** Activation × activation GEMMs of attention (Q·Kᵀ and P·V). */
    MATMUL;

    /** The word a quantisation config uses, e.g. {@code conv}, {@code matmul}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LayerKind> fromWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst();
    }

    static String allowedWords() {
        return Arrays.stream(values()).map(LayerKind::word).collect(Collectors.joining(", "));
    }
}
