package io.bitforge.core.format;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.arith.Rounding;

/**
 * An integer of 1–16 bits: two's complement ({@code int{N}}, −2^(N−1) .. 2^(N−1)−1), sign-magnitude
 * ({@code sm-int{N}}, −(2^(N−1)−1) .. 2^(N−1)−1, the sign in the top bit; code 100…0 is a second zero — OliVe's
 * int4 is this format with ±7) or unsigned ({@code uint{N}}, 0 .. 2^N−1). Values are integers in code units;
 * a quantiser supplies the scale. Ties go to the lower value by default.
 */
public record IntFormat(Encoding encoding, int bits) implements ElementFormat {
    /** How the sign is stored. */
    public enum Encoding {
        TWOS_COMPLEMENT("int"), SIGN_MAGNITUDE("sm-int"), UNSIGNED("uint");

        private final String prefix;

        Encoding(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public static final int MAX_BITS = 16;

    public IntFormat {
        int min = encoding == Encoding.SIGN_MAGNITUDE ? 2 : 1;
        if (bits < min || bits > MAX_BITS) {
            throw new IllegalArgumentException(encoding.prefix() + " width must be " + min + ".." + MAX_BITS
                    + ", got " + bits);
        }
    }

    public static IntFormat twosComplement(int bits) {
        return new IntFormat(Encoding.TWOS_COMPLEMENT, bits);
    }

    public static IntFormat signMagnitude(int bits) {
        return new IntFormat(Encoding.SIGN_MAGNITUDE, bits);
    }

    public static IntFormat unsigned(int bits) {
        return new IntFormat(Encoding.UNSIGNED, bits);
    }

    @Override
    public String id() {
        return encoding.prefix() + bits;
    }

    @Override
    public String description() {
        switch (encoding) {
            case TWOS_COMPLEMENT:
                return bits + "-bit two's-complement integer, " + minValue() + ".." + maxValue();
            case SIGN_MAGNITUDE:
                return bits + "-bit sign-magnitude integer, ±" + maxValue() + " (code 1" + "0".repeat(bits - 1)
                        + " is a second zero)";
            default:
                return bits + "-bit unsigned integer, 0.." + maxValue();
        }
    }

    @Override
    public String source() {
        return "integer encodings; sign-magnitude as OliVe's int4 (clevercool/ANT-Quantization, "
                + "olive_quantization/antquant/quant_modules.py)";
    }

    /** The smallest value. */
    public long minValue() {
        switch (encoding) {
            case TWOS_COMPLEMENT:
                return Bits.minSigned(bits);
            case SIGN_MAGNITUDE:
                return -Bits.maxSigned(bits);
            default:
                return 0;
        }
    }

    /** The largest value. */
    public long maxValue() {
        return encoding == Encoding.UNSIGNED ? Bits.maxUnsigned(bits) : Bits.maxSigned(bits);
    }

    @Override
    public int encode(double value, Rounding rounding) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(id() + " has no NaN");
        }
        long q;
        if (value <= minValue()) {
            q = minValue();
        } else if (value >= maxValue()) {
            q = maxValue();
        } else {
            // Integer grid: "even code" is the even integer in all three encodings, so Rounding applies directly.
            q = rounding.round(value);
        }
        return codeOf(q);
    }

    /** The code of an integer in range. */
    public int codeOf(long value) {
        if (value < minValue() || value > maxValue()) {
            throw new IllegalArgumentException(id() + ": " + value + " is outside " + minValue() + ".." + maxValue());
        }
        switch (encoding) {
            case TWOS_COMPLEMENT:
                return (int) Bits.truncate(value, bits);
            case SIGN_MAGNITUDE:
                return value < 0 ? (int) ((1L << (bits - 1)) | -value) : (int) value;
            default:
                return (int) value;
        }
    }

    @Override
    public double decode(int code) {
        checkCode(code);
        switch (encoding) {
            case TWOS_COMPLEMENT:
                return Bits.signExtend(code, bits);
            case SIGN_MAGNITUDE:
                long magnitude = Bits.slice(code, 0, bits - 1);
                return Bits.bit(code, bits - 1) == 1 ? -magnitude + 0.0 : magnitude;
            default:
                return code;
        }
    }

    @Override
    public boolean isReserved(int code) {
        checkCode(code);
        return false;
    }

    @Override
    public ValueGrid grid() {
        double[] table = new double[codeCount()];
        for (int c = 0; c < table.length; c++) {
            table[c] = decode(c);
        }
        return ValueGrid.fromCodeTable(table);
    }

    @Override
    public Rounding defaultRounding() {
        return Rounding.HALF_DOWN_TOWARD_LOWER;
    }
}
