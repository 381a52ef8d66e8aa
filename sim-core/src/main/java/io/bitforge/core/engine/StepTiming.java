package io.bitforge.core.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which precisions the engine asks the PE family to time (and cost) a GEMM's cell step at.
 * <ul>
 *   <li>{@link #OPERANDS} (the default): the GEMM's own operand precisions, so an FP16 attention product on a
 *       bit-serial PE takes the steps 16-bit operands need.</li>
 *   <li>{@link #NATIVE}: the family's native precisions for the spec's parameters, whatever the GEMM's operands.
 *       BitMoD's artefact (yc2367/BitMoD-HPCA-25 {@code bitmod_sim/accelerator.py}: compute cycles = tiles ×
 *       {@code pe_latency}, one latency per design from its weight precision) times every GEMM of a design this
 *       way, its FP16 attention products included; the GEMM's own precisions still set its DRAM and SRAM
 *       traffic.</li>
 * </ul>
 */
public enum StepTiming {
    OPERANDS("operands"), NATIVE("native");

    private final String id;

    StepTiming(String id) {
        this.id = id;
    }

    /** The spelling in reproduction and option files. */
    public String id() {
        return id;
    }

    public static Optional<StepTiming> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(StepTiming::id).toList();
    }
}
