package io.bitforge.pe.ovp;

import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.spec.PeParams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * ovp parameters. {@code weightBits} (4 or 8) and {@code weightType} ({@code int} or {@code flint}, flint at 4
 * bits only) name the weights' OVP format ({@code ovp-int4}, {@code ovp-flint4}, {@code ovp-int8}); in
 * {@link OvpMode#W4A4} {@code activationBits}/{@code activationType} do the same for activations; in
 * {@link OvpMode#WEIGHT_ONLY} activations are FP16 ({@code activationBits} 16) and
 * {@code effectiveWeightBits} is the bits per weight BitMoD charges for OliVe's weight traffic (the family's
 * stored weight width: DRAM traffic and weight SRAM energy). {@code placeAndRouteFactor} multiplies the PE's
 * energy and area (BitMoD's artefact: 1.5, {@code bitmod_sim/pe_array.py PR_SCALING}; default 1).
 *
 * @param activationNormal null in weight-only mode
 */
public record OvpParams(OvpMode mode, int weightBits, OvpFormat.Normal weightNormal, int activationBits,
                        OvpFormat.Normal activationNormal, double effectiveWeightBits, double placeAndRouteFactor)
        implements PeParams {
    public OvpParams {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(weightNormal, "weightNormal");
        if (weightNormal.bits() != weightBits) {
            throw new IllegalArgumentException("weight format " + weightNormal.id() + " is not " + weightBits
                    + " bits");
        }
        if (mode == OvpMode.W4A4) {
            Objects.requireNonNull(activationNormal, "activationNormal");
            if (activationNormal.bits() != activationBits) {
                throw new IllegalArgumentException("activation format " + activationNormal.id() + " is not "
                        + activationBits + " bits");
            }
        } else if (activationNormal != null || activationBits != 16) {
            throw new IllegalArgumentException("weight-only mode takes FP16 activations");
        }
        if (!(effectiveWeightBits >= 1 && effectiveWeightBits <= 16)) {
            throw new IllegalArgumentException("effective weight bits must be 1..16, got " + effectiveWeightBits);
        }
        if (!(placeAndRouteFactor >= 1 && placeAndRouteFactor <= 4)) {
            throw new IllegalArgumentException("place-and-route factor must be in [1, 4], got " + placeAndRouteFactor);
        }
    }

    /** W4A4-style parameters (effective weight bits = the code width). */
    public static OvpParams w4a4(OvpFormat.Normal weights, OvpFormat.Normal activations) {
        return new OvpParams(OvpMode.W4A4, weights.bits(), weights, activations.bits(), activations, weights.bits(),
                1.0);
    }

    /** Weight-only parameters: OVP weights, FP16 activations. */
    public static OvpParams weightOnly(OvpFormat.Normal weights, double effectiveWeightBits) {
        return new OvpParams(OvpMode.WEIGHT_ONLY, weights.bits(), weights, 16, null, effectiveWeightBits, 1.0);
    }

    /** The same parameters with another place-and-route factor. */
    public OvpParams withPlaceAndRouteFactor(double factor) {
        return new OvpParams(mode, weightBits, weightNormal, activationBits, activationNormal, effectiveWeightBits,
                factor);
    }

    /** The weights' OVP format (the public code's even-first pair rule). */
    public OvpFormat weightFormat() {
        return (OvpFormat) NumberFormats.parse(weightNormal.id());
    }

    /** The activations' OVP format; W4A4 only. */
    public OvpFormat activationFormat() {
        if (mode != OvpMode.W4A4) {
            throw new IllegalStateException("weight-only mode has FP16 activations");
        }
        return (OvpFormat) NumberFormats.parse(activationNormal.id());
    }

    /** Width of the integer multiplier's operands: the wider of the two OVP code widths (4 or 8). */
    public int multiplierBits() {
        return mode == OvpMode.W4A4 ? Math.max(weightBits, activationBits) : weightBits;
    }

    static String typeOf(OvpFormat.Normal normal) {
        return normal == OvpFormat.Normal.FLINT4 ? "flint" : "int";
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mode", mode.id());
        map.put("weightBits", weightBits);
        map.put("weightType", typeOf(weightNormal));
        map.put("activationBits", activationBits);
        if (mode == OvpMode.W4A4) {
            map.put("activationType", typeOf(activationNormal));
        } else {
            map.put("effectiveWeightBits", effectiveWeightBits);
        }
        if (placeAndRouteFactor != 1.0) {
            // only when set, so that designs without it keep their ids
            map.put("placeAndRouteFactor", placeAndRouteFactor);
        }
        return map;
    }
}
