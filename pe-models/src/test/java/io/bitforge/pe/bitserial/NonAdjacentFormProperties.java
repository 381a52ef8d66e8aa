package io.bitforge.pe.bitserial;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The radix-4 term recoding for any w-bit two's-complement value: exact, and within the PE's ⌈w/2⌉ cycles. */
class NonAdjacentFormProperties {
    @Property
    void termsSumToTheValueWithinCeilHalfWidth(@ForAll @IntRange(min = 2, max = 16) int width,
                                               @ForAll @IntRange(min = 0, max = 65535) int raw) {
        long value = Math.floorMod(raw, 1 << width) - (1L << (width - 1)); // uniform over [-2^(w-1), 2^(w-1))
        Term[] terms = UnifiedTerms.nonAdjacentForm(value);
        long sum = 0;
        int lastBit = -2;
        for (Term term : terms) {
            sum += term.value();
            // non-adjacent: the binary exponents of successive terms differ by at least 2
            int bit = 2 * term.position() + (Math.abs(term.digit()) == 2 ? 1 : 0);
            assertTrue(bit >= lastBit + 2, "adjacent non-zero digits in " + value);
            lastBit = bit;
        }
        assertEquals(value, sum);
        assertTrue(terms.length <= (width + 1) / 2, value + " needs " + terms.length + " terms at width " + width);
    }
}
