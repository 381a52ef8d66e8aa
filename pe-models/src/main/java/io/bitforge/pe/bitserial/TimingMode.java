package io.bitforge.pe.bitserial;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which bit-serial machine the {@code bit-serial} family times (the {@code timing} parameter):
 * <ul>
 *   <li>{@link #BITMOD}: BitMoD's PE (Chen et al., HPCA 2025; yc2367/BitMoD-HPCA-25 {@code bitmod_sim/pe_array.py}):
 *       weights serial two bits (one radix-4 term) per cycle, FP16 activations parallel:
 *       {@code ceil(floor(w)/2)} cycles per step of {@code lanes} MACs.</li>
 *   <li>{@link #STRIPES}: Stripes (Judd et al., MICRO 2016): activations serial, weights parallel; time per step
 *       {@code ceil(P_a / bitsPerCycle)}, so time scales with activation precision.</li>
 *   <li>{@link #LOOM}: Loom (Sharify et al., DAC 2018): both operands serial; convolutions take
 *       {@code ceil(P_a/b)·ceil(P_w/b)} cycles per step, fully connected layers (every other GEMM) {@code ceil(P_w/b)}
 *       because Loom feeds their activations in parallel.</li>
 * </ul>
 */
public enum TimingMode {
    BITMOD("bitmod"), STRIPES("stripes"), LOOM("loom");

    private final String id;

    TimingMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<TimingMode> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(TimingMode::id).toList();
    }
}
