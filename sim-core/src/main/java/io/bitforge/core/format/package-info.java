/**
 * Number formats with bit-exact codes: {@link io.bitforge.core.format.NumberFormat} and its closed family
 * (integers, IEEE/OCP minifloats, value grids, OliVe pairs, binary coding, BitMoD mixtures).
 * {@link io.bitforge.core.format.NumberFormats#parse(String)} turns a DESIGN.md format id into a format;
 * {@link io.bitforge.core.format.ElementFormat#encode(double)} / {@code decode(int)} are the reference
 * conversions functional PE models compute with; {@link io.bitforge.core.format.ValueGrid} is the sorted value
 * set with nearest-value search under an explicit tie rule.
 */
package io.bitforge.core.format;
