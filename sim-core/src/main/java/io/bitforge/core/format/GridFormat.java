package io.bitforge.core.format;

import io.bitforge.core.arith.Rounding;

import java.util.Arrays;
import java.util.Objects;

/**
 * A format defined by its code table: each code stands for one listed value (NaN marks an unused code).
 * Used for ANT's flint4 (signed and unsigned), BitMoD's FP3/FP4 extra-resolution and extra-asymmetry variants
 * and ternary. Values are in the source's own units (BitMoD's FP grids are E2Mx scaled ×2 to integers); a
 * quantiser supplies the scale. Ties go to the lower value by default, as BitMoD's quantiser does.
 */
public final class GridFormat implements ElementFormat {
    private final String id;
    private final int bits;
    private final double[] valueByCode;
    private final String description;
    private final String source;
    private final ValueGrid grid;

    public GridFormat(String id, int bits, double[] valueByCode, String description, String source) {
        this.id = Objects.requireNonNull(id, "id");
        if (bits < 1 || bits > 8 || valueByCode.length != 1 << bits) {
            throw new IllegalArgumentException(id + ": a " + bits + "-bit grid format needs 2^bits code values, got "
                    + valueByCode.length);
        }
        this.bits = bits;
        this.valueByCode = valueByCode.clone();
        this.description = Objects.requireNonNull(description, "description");
        this.source = Objects.requireNonNull(source, "source");
        this.grid = ValueGrid.fromCodeTable(this.valueByCode);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int bits() {
        return bits;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public int encode(double value, Rounding rounding) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(id + " has no NaN");
        }
        return grid.nearestCode(value, rounding);
    }

    @Override
    public double decode(int code) {
        return valueByCode[checkCode(code)];
    }

    @Override
    public ValueGrid grid() {
        return grid;
    }

    @Override
    public Rounding defaultRounding() {
        return Rounding.HALF_DOWN_TOWARD_LOWER;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridFormat g && g.id.equals(id) && Arrays.equals(g.valueByCode, valueByCode);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(valueByCode);
    }

    @Override
    public String toString() {
        return id;
    }
}
