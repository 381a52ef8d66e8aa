package io.bitforge.memory.scalesim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link RepeatedSum} gives bit for bit what one addition after another gives. */
class RepeatedSumProperties {
    @Property(tries = 400)
    void equalsAdditionOneAtATime(@ForAll @IntRange(min = 0, max = 200_000) int times, @ForAll long seed) {
        Random random = new Random(seed);
        // fractions like SCALE-Sim's per-fold terms (used/all PEs, busy/all cycles), and arbitrary doubles
        double value = switch (random.nextInt(4)) {
            case 0 -> (double) (1 + random.nextInt(144)) / (1 + random.nextInt(144));
            case 1 -> (double) (1 + random.nextInt(1024)) * (1 + random.nextInt(5000))
                    / (1024.0 * (1 + random.nextInt(9000)));
            case 2 -> random.nextDouble() * Math.scalb(1.0, random.nextInt(40) - 20);
            default -> random.nextInt(3) * 0.5; // ties and zero
        };
        double start = random.nextBoolean() ? 0 : random.nextDouble() * Math.scalb(1.0, random.nextInt(30) - 10);
        double expected = start;
        for (int i = 0; i < times; i++) {
            expected += value;
        }
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(RepeatedSum.add(start, value, times)),
                start + " + " + times + " x " + value);
    }

    @Test
    void tiesGoOneAtATime() {
        // 1 + 2^-53 is a tie at every step near 1: half-to-even keeps 1.0 forever; 3 + 2^-52 ... alternates
        double expected = 3.0;
        double value = 0x1p-52 * 3; // 1.5 ulps of a value in [2, 4): a tie each time
        double sum = expected;
        for (int i = 0; i < 1000; i++) {
            expected += value;
        }
        assertEquals(expected, RepeatedSum.add(sum, value, 1000));
    }
}
