package io.bitforge.core.arith;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BitsTest {
    @Test
    void signExtendByHand() {
        assertEquals(-1, Bits.signExtend(0xF, 4));
        assertEquals(7, Bits.signExtend(0x7, 4));
        assertEquals(-8, Bits.signExtend(0x8, 4));
        assertEquals(-128, Bits.signExtend(0x80, 8));
        assertEquals(0x80, Bits.truncate(-128, 8));
    }

    @Test
    void rangesByHand() {
        assertEquals(-8, Bits.minSigned(4));
        assertEquals(7, Bits.maxSigned(4));
        assertEquals(255, Bits.maxUnsigned(8));
        assertEquals(127, Bits.saturateSigned(300, 8));
        assertEquals(-128, Bits.saturateSigned(-300, 8));
        assertEquals(0, Bits.saturateUnsigned(-3, 4));
        assertEquals(15, Bits.saturateUnsigned(99, 4));
        assertTrue(Bits.fits(-8, 4, true));
        assertFalse(Bits.fits(8, 4, true));
        assertThrows(IllegalArgumentException.class, () -> Bits.mask(0));
        assertThrows(IllegalArgumentException.class, () -> Bits.mask(65));
    }

    @Test
    void digitsSplitLeastSignificantFirst() {
        // 0b10_11_01 = 45 in radix-4 digits: 1, 3, 2.
        assertArrayEquals(new long[] {1, 3, 2}, Bits.digits(45, 6, 2));
        // A 5-bit value in 2-bit digits: the top digit has one bit.
        assertArrayEquals(new long[] {3, 3, 1}, Bits.digits(0b11111, 5, 2));
    }

    @Test
    void widthsByHand() {
        assertEquals(1, Bits.signedWidthOf(0));
        assertEquals(1, Bits.signedWidthOf(-1));
        assertEquals(4, Bits.signedWidthOf(7));
        assertEquals(4, Bits.signedWidthOf(-8));
        assertEquals(5, Bits.signedWidthOf(8));
        assertEquals(8, Bits.unsignedWidthOf(255));
        assertEquals(0, Bits.ceilLog2(1));
        assertEquals(7, Bits.ceilLog2(128));
        assertEquals(8, Bits.ceilLog2(129));
    }

    @Property
    void wrapAgreesWithBigIntegerModulo(@ForAll long value, @ForAll @IntRange(min = 1, max = 63) int width) {
        BigInteger modulus = BigInteger.ONE.shiftLeft(width);
        BigInteger unsigned = BigInteger.valueOf(value).mod(modulus);
        assertEquals(unsigned.longValueExact(), Bits.wrap(value, width, false));
        BigInteger signed = unsigned.compareTo(modulus.shiftRight(1)) >= 0 ? unsigned.subtract(modulus) : unsigned;
        assertEquals(signed.longValueExact(), Bits.wrap(value, width, true));
    }

    @Property
    void signedWidthIsMinimal(@ForAll long value) {
        int width = Bits.signedWidthOf(value);
        assertTrue(Bits.fits(value, width, true));
        if (width > 1) {
            assertFalse(Bits.fits(value, width - 1, true));
        }
    }
}
