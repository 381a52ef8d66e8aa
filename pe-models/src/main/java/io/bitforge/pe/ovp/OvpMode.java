package io.bitforge.pe.ovp;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two ways OliVe is run:
 * <ul>
 *   <li>{@link #W4A4}: OliVe's own (Guo et al., ISCA 2023; clevercool/ANT-Quantization
 *       {@code olive_quantization/llm/scripts/run_all.sh}: wbit = abit = 4): weights and activations in OVP,
 *       per-channel weight scales, per-tensor activation scales, an integer multiply plus shift per MAC;</li>
 *   <li>{@link #WEIGHT_ONLY}: how BitMoD models OliVe (Chen et al., HPCA 2025; yc2367/BitMoD-HPCA-25
 *       {@code bitmod_sim/test_olive.py}): OVP weights, FP16 activations, an effective number of bits per weight
 *       (3.5–4.5 in BitMoD's runs) that sets weight traffic.</li>
 * </ul>
 */
public enum OvpMode {
    W4A4("w4a4"), WEIGHT_ONLY("weight-only");

    private final String id;

    OvpMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<OvpMode> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(OvpMode::id).collect(Collectors.joining(", "));
    }
}
