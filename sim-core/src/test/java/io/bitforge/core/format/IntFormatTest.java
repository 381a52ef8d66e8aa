package io.bitforge.core.format;

import io.bitforge.core.arith.Rounding;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntFormatTest {
    @Test
    void fourBitCodeTables() {
        // two's complement: 1000 = −8, 1111 = −1; sign-magnitude: 1111 = −7, 1000 = a second zero; unsigned 0..15.
        IntFormat tc = IntFormat.twosComplement(4);
        IntFormat sm = IntFormat.signMagnitude(4);
        IntFormat u = IntFormat.unsigned(4);
        assertEquals(-8.0, tc.decode(0b1000));
        assertEquals(-1.0, tc.decode(0b1111));
        assertEquals(7.0, tc.decode(0b0111));
        assertEquals(-7.0, sm.decode(0b1111));
        assertEquals(0.0, sm.decode(0b1000));
        assertEquals(-1.0, sm.decode(0b1001));
        assertEquals(15.0, u.decode(0b1111));
        assertEquals(16, tc.grid().size());
        assertEquals(15, sm.grid().size(), "OliVe's int4: ±7, zero once");
        assertEquals(-7.0, sm.grid().min());
    }

    @Test
    void everyCodeOfEveryWidthRoundTrips() {
        for (IntFormat.Encoding encoding : IntFormat.Encoding.values()) {
            for (int bits = encoding == IntFormat.Encoding.SIGN_MAGNITUDE ? 2 : 1; bits <= 16; bits++) {
                IntFormat f = new IntFormat(encoding, bits);
                for (int code = 0; code < f.codeCount(); code++) {
                    double v = f.decode(code);
                    int back = f.encode(v);
                    boolean negativeZero = encoding == IntFormat.Encoding.SIGN_MAGNITUDE && code == 1 << (bits - 1);
                    assertEquals(negativeZero ? 0 : code, back, f.id() + " code " + code);
                }
                long span = f.maxValue() - f.minValue() + 1;
                assertEquals(span, f.grid().size(), f.id());
            }
        }
    }

    @Test
    void tiesGoToTheLowerValueBySaturationAtTheEnds() {
        IntFormat int4 = IntFormat.twosComplement(4);
        assertEquals(2.0, int4.quantize(2.5));
        assertEquals(-3.0, int4.quantize(-2.5), "the lower value, not toward zero");
        assertEquals(4.0, int4.decode(int4.encode(3.5, Rounding.HALF_EVEN)));
        assertEquals(2.0, int4.decode(int4.encode(2.5, Rounding.HALF_EVEN)));
        assertEquals(7.0, int4.quantize(1e9));
        assertEquals(-8.0, int4.quantize(-1e9));
        assertEquals(0.0, IntFormat.unsigned(4).quantize(-3));
        assertThrows(IllegalArgumentException.class, () -> int4.encode(Double.NaN));
    }

    @Test
    void widthsOutsideTheFamilyAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> IntFormat.twosComplement(17));
        assertThrows(IllegalArgumentException.class, () -> IntFormat.signMagnitude(1));
        assertThrows(IllegalArgumentException.class, () -> IntFormat.unsigned(0));
    }
}
