package io.bitforge.pe.bitserial;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a BitMoD design dequantises its group partial sums (spec key {@code pe.params.dequant}).
 * <ul>
 *   <li>{@link #PE} (default): BitMoD's bit-serial dequantiser inside each PE (Chen et al., HPCA 2025), whose energy
 *       and area are inside the published PE figures: nothing is added and no cycles.</li>
 *   <li>{@link #EDGE}: one dequantiser per column at the output-stationary array's bottom edge, as BitForge's RTL
 *       builds it: at each group boundary the column's cells hand their exact group partial sums to it one row per
 *       step, as the skew brings them; it scales each by the group's FP16 scale (and the group type's unit shift),
 *       rounds once to FP32 and adds it to the row's FP32 output. It keeps pace with the array while R ≤ ⌈G/lanes⌉
 *       (the steps of a group); beyond that the array waits (R − ⌈G/lanes⌉)·⌈⌊w⌋/2⌉ cycles at each inner group
 *       boundary ({@link EdgeDequantTiming}).</li>
 * </ul>
 */
public enum BitSerialDequant {
    PE("pe"), EDGE("edge");

    private final String id;

    BitSerialDequant(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<BitSerialDequant> fromId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }
}
