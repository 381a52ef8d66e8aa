package io.bitforge.pe.bitserial;

import io.bitforge.core.spec.PeParams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code bit-serial} parameters.
 *
 * @param timing              bitmod | stripes | loom ({@link TimingMode})
 * @param weightFormat        native weight format id: a BitMoD type ({@code bitmod-fp4-er+}, {@code bitmod-mix4},
 *                            …) or {@code int{N}}; its width drives BitMoD's latency
 * @param activationFormat    native activation format: {@code fp16} for bitmod, {@code int{N}} for stripes and loom
 * @param groupSize           weights per quantisation group (one scale and, for mixtures, one type per group)
 * @param lanes               MACs per cell per step along K (BitMoD: 4)
 * @param bitsPerCycle        serial bits per cycle: 2 for bitmod (DESIGN.md's convention), 1, 2 or 4 for
 *                            stripes and loom
 * @param placeAndRouteFactor multiplier on the PE's synthesis energy and area (BitMoD's artefact: 1.5)
 * @param dequant             bitmod: where the group partial sums are dequantised ({@link BitSerialDequant})
 */
public record BitSerialParams(TimingMode timing, String weightFormat, String activationFormat, int groupSize,
                              int lanes, int bitsPerCycle, double placeAndRouteFactor, BitSerialDequant dequant)
        implements PeParams {
    public BitSerialParams {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(dequant, "dequant");
        if (dequant == BitSerialDequant.EDGE && timing != TimingMode.BITMOD) {
            throw new IllegalArgumentException("bit-serial dequant edge needs timing bitmod");
        }
        Objects.requireNonNull(weightFormat, "weightFormat");
        Objects.requireNonNull(activationFormat, "activationFormat");
        if (groupSize < 1 || lanes < 1 || bitsPerCycle < 1 || !(placeAndRouteFactor > 0)) {
            throw new IllegalArgumentException("groupSize, lanes, bitsPerCycle must be >= 1 and "
                    + "placeAndRouteFactor > 0");
        }
        if (timing == TimingMode.BITMOD && bitsPerCycle != 2) {
            throw new IllegalArgumentException("bitmod timing processes 2 weight bits per cycle, got " + bitsPerCycle);
        }
    }

    /** The PE's own dequantiser ({@link BitSerialDequant#PE}). */
    public BitSerialParams(TimingMode timing, String weightFormat, String activationFormat, int groupSize, int lanes,
                           int bitsPerCycle, double placeAndRouteFactor) {
        this(timing, weightFormat, activationFormat, groupSize, lanes, bitsPerCycle, placeAndRouteFactor,
                BitSerialDequant.PE);
    }

    /** The same parameters with the group dequantisers at {@code site}. */
    public BitSerialParams withDequant(BitSerialDequant site) {
        return new BitSerialParams(timing, weightFormat, activationFormat, groupSize, lanes, bitsPerCycle,
                placeAndRouteFactor, site);
    }

    /** BitMoD's evaluated configuration: bitmod-mix4 weights, FP16 activations, groups of 128, 4 lanes. */
    public static BitSerialParams bitmodDefaults() {
        return new BitSerialParams(TimingMode.BITMOD, "bitmod-mix4", "fp16", 128, 4, 2, 1.0);
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("timing", timing.id());
        map.put("weightFormat", weightFormat);
        map.put("activationFormat", activationFormat);
        map.put("groupSize", groupSize);
        map.put("lanes", lanes);
        map.put("bitsPerCycle", bitsPerCycle);
        map.put("placeAndRouteFactor", placeAndRouteFactor);
        if (dequant != BitSerialDequant.PE) {
            // only when set, so that existing designs keep their canonical form (and ids)
            map.put("dequant", dequant.id());
        }
        return map;
    }
}
