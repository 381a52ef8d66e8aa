package io.bitforge.pe.shiftadd;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a MixPE cell is modelled.
 * <ul>
 *   <li>{@link #NATIVE}: MixPE's PE as the paper describes it: INT weights of up to 4 bits times INT8 or FP16
 *       activations by shift-and-add, with the per-group dequantisation on the vector unit after the group sum.</li>
 *   <li>{@link #FUSION}: as MixPE's artefact (yuzhang712/mixpe_simulator) models it: a Bit Fusion-style fusible
 *       unit of (p_max, p_min) = (8, 4) for W4A8 or (16, 8) for W4A16 ({@code conf_mixint.ini},
 *       {@code conf_mixfloat.ini}) that multiplies integer operands of up to p_max bits, each side at
 *       {@code floor(p_max / max(bits, p_min))} operands per cycle, and leaves the dequantisation to the workload
 *       (the artefact's benchmark lists add a small dequantisation GEMM after every quantised GEMM).</li>
 * </ul>
 */
public enum MixPeUnitModel {
    NATIVE("native"), FUSION("fusion");

    private final String id;

    MixPeUnitModel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<MixPeUnitModel> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
