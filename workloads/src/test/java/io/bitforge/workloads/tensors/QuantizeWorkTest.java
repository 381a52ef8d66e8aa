package io.bitforge.workloads.tensors;

import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.quant.QuantMethod;
import io.bitforge.core.quant.Quantizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantizeWorkTest {
    /** A 4096x4096 matrix that is never read: the estimate needs only its shape. */
    private static final MatrixSource BIG = new MatrixSource() {
        public String name() {
            return "w";
        }

        public long rows() {
            return 4096;
        }

        public long cols() {
            return 4096;
        }

        public void readRows(long firstRow, int rowCount, float[] into) {
            throw new AssertionError("the estimate must not read values");
        }
    };

    private static Quantizer quantizer(String format, int bcqRounds) {
        return Quantizer.builder(NumberFormats.parse(format)).method(QuantMethod.PAPER).bcqRounds(bcqRounds).build();
    }

    @Test
    void costIsValuesTimesFormatsPlusProductsPlusBcqRounds() {
        // by hand: 16,777,216 values; int4: 70 ns + 8 tokens x 0.4 ns = 73.2 ns each -> 1.2281 s;
        // bcq4 at 5 rounds adds 5 x 7.3 ns = 36.5 ns each -> 0.6124 s more
        double values = 4096.0 * 4096.0;
        assertEquals(values * 73.2e-9, QuantizeWork.of(List.of(quantizer("int4", 5)), List.of(BIG), 8).cpuSeconds(),
                1e-9);
        assertEquals(values * (73.2e-9 + 36.5e-9), QuantizeWork.of(List.of(quantizer("bcq4", 5)), List.of(BIG), 8)
                .cpuSeconds(), 1e-9);
    }

    @Test
    void theDefaultStudyOfAllFormatsRunsAndHugeOnesAreRefused() {
        List<Quantizer> all = new QuantizerChoice("all", null, null, "even-first", "paper", 5).quantizers();
        assertDoesNotThrow(() -> new QuantizeWork(QuantizeWork.of(all, List.of(BIG), 8).cpuSeconds(), 1)
                .check(false));
        // 65,536 tokens: 16.8e6 values x 65,536 x 32 formats x 0.4 ns = about 14,000 CPU-s
        QuantizeWork huge = QuantizeWork.of(all, List.of(BIG), 65_536);
        assertTrue(huge.cpuSeconds() > 14_000, "cpu " + huge.cpuSeconds());
        BadRequestException e = assertThrows(BadRequestException.class, () -> huge.check(false));
        assertEquals("longRunAllowed", e.field());
        assertTrue(e.detail().contains("refused"), e.detail());
        assertDoesNotThrow(() -> huge.check(true));
        // bcq rounds at int's limit: 2^31 x 16.8e6 x 7.3 ns, finite (no overflow)
        QuantizeWork rounds = QuantizeWork.of(List.of(quantizer("bcq4", Integer.MAX_VALUE)), List.of(BIG), 0);
        assertTrue(Double.isFinite(rounds.cpuSeconds()) && rounds.cpuSeconds() > 2.5e8, "cpu " + rounds.cpuSeconds());
    }

    @Test
    void bcqRoundsAreBounded() {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> new QuantizerChoice("bcq4", null, null, "even-first", "paper", Integer.MAX_VALUE).quantizers());
        assertEquals("bcqRounds", e.field());
        assertDoesNotThrow(() -> new QuantizerChoice("bcq4", null, null, "even-first", "paper",
                QuantizerChoice.MAX_BCQ_ROUNDS).quantizers());
    }
}
