package io.bitforge.verilog.pe;

/** Every code of a {@code bits}-wide operand field, 0 .. 2^bits − 1 (code 0 is a zero operand in every family). */
public final class CodeRange {
    private CodeRange() {
    }

    public static long[] all(int bits) {
        long[] codes = new long[1 << bits];
        for (int c = 0; c < codes.length; c++) {
            codes[c] = c;
        }
        return codes;
    }
}
