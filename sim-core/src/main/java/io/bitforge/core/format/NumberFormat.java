package io.bitforge.core.format;

/**
 * A number format with bit-exact codes: the closed family every functional model, quantiser and PE model
 * shares, so that quantisation error and hardware results have one definition.
 *
 * <ul>
 *   <li>{@link ElementFormat}: one code per value — integers, minifloats, value grids (flint, BitMoD, ternary);</li>
 *   <li>{@link OvpFormat}: OliVe outlier-victim pairs, one code per pair of neighbouring values;</li>
 *   <li>{@link BcqFormat}: binary coding, q ±1 bit-planes whose scales live in the quantised tensor;</li>
 *   <li>{@link BitmodMixture}: BitMoD's per-group choice among four value grids;</li>
 *   <li>{@link AntTypeChoice}: ANT's per-tensor choice among three 4-bit types.</li>
 * </ul>
 * Binary coding and the mixtures have no fixed value grid: their values depend on per-group metadata held by a
 * {@code io.bitforge.core.quant.QuantizedTensor}. Ids follow DESIGN.md "Format ids"; {@link NumberFormats#parse}
 * turns an id into a format.
 */
public sealed interface NumberFormat permits ElementFormat, OvpFormat, BcqFormat, BitmodMixture,
        AntTypeChoice {
    /** The format id, e.g. {@code int4}, {@code fp8-e4m3}, {@code ovp-int4}, {@code bcq3-pot}. */
    String id();

    /** Stored bits per value, excluding per-group metadata (scales, zero points, type selectors). */
    int bits();

    /** One line saying what the format is. */
    String description();

    /** Where its definition comes from (standard, paper, repository file). */
    String source();
}
