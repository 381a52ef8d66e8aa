package io.bitforge.pe.bitfusion;

import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.NumberFormats;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AntDecoderTest {

    /** Every 4-bit code of every ANT type decodes to integer << exponent equal to the format's own decode. */
    @Test
    void everyCodeMatchesTheFormat() {
        for (OperandType type : OperandType.values()) {
            ElementFormat format = (ElementFormat) NumberFormats.parse(type.formatId(4));
            for (int code = 0; code < 16; code++) {
                ExponentInteger pair = AntDecoder.decode(code, type, 4);
                assertEquals(format.decode(code) + 0.0, (double) pair.value(), type + " code " + code);
                // The integer must fit ANT's 4-bit multiplier (signed types: -8..7, unsigned: 0..15).
                assertTrue(type.signed() ? pair.integer() >= -8 && pair.integer() <= 7
                        : pair.integer() >= 0 && pair.integer() <= 15, type + " code " + code);
            }
        }
    }

    @Test
    void workedFlintCodes() {
        // uflint4 1001: top bit 1, one leading one (k = 1), mantissa bits 4-1-1 = 2 -> "01"; (1.01b) * 2^(2+1)
        // = 10, i.e. integer 101b = 5 shifted by 2 + 1 - 2 = 1.
        assertEquals(new ExponentInteger(5, 1), AntDecoder.decode(0b1001, OperandType.UFLINT, 4));
        // uflint4 1111: four leading ones, no mantissa: 2^(2+4) = 64.
        assertEquals(new ExponentInteger(1, 6), AntDecoder.decode(0b1111, OperandType.UFLINT, 4));
        // flint4 1111: sign 1, magnitude 111 (3-bit flint, k = 3): 2^(1+3) = 16 -> -16 = -1 << 4.
        assertEquals(new ExponentInteger(-1, 4), AntDecoder.decode(0b1111, OperandType.FLINT, 4));
        // flint4 0101: magnitude 101, k = 1, one mantissa bit "1": (1.1b) * 2^2 = 6 = 3 << 1.
        assertEquals(new ExponentInteger(3, 1), AntDecoder.decode(0b0101, OperandType.FLINT, 4));
        // flint4 1000 is the second zero.
        assertEquals(0, AntDecoder.decode(0b1000, OperandType.FLINT, 4).value());
    }

    /** All 256 code pairs of each ANT type pair through the PE equal the product of the formats' values. */
    @Test
    void everyCodePairProductMatchesTheFormats() {
        for (OperandType aType : OperandType.values()) {
            for (OperandType wType : OperandType.values()) {
                FusionUnit unit = new FusionUnit(new BitFusionParams(BitFusionVariant.ANT, 4, 4, wType, aType));
                ElementFormat aFormat = (ElementFormat) NumberFormats.parse(aType.formatId(4));
                ElementFormat wFormat = (ElementFormat) NumberFormats.parse(wType.formatId(4));
                for (int a = 0; a < 16; a++) {
                    for (int w = 0; w < 16; w++) {
                        assertEquals(aFormat.decode(a) * wFormat.decode(w) + 0.0, (double) unit.product(a, w),
                                aType + " " + a + " x " + wType + " " + w);
                    }
                }
            }
        }
    }
}
