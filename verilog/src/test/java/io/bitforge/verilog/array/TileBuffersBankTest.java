package io.bitforge.verilog.array;

import io.bitforge.core.pe.CellTiming;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Operand words wider than a block RAM's 64 bits are split over banks at the same address, bank q holding bits
 * [64·q +: 64]; a one-bank word is the single word it always was.
 */
class TileBuffersBankTest {
    // one cell of 1 x 1 x 5 lanes (M, K, N) over a 1 x 2 x 5 tile: a weight step is 5 codes of 16 bits = 80 bits
    private static final ArrayPlan PLAN = new ArrayPlan(1, 1, new TileShape(1, 2, 5), new CellTiming(1, 1, 5, 1));

    @Test
    void aWeightWordOfEightyBitsTakesTwoBanksTheSecondSixteenBitsWide() {
        TileBuffers layout = new TileBuffers(PLAN, 16, 16);
        assertEquals(80, layout.weightWordBits());
        assertEquals(2, layout.weightBanks());
        assertEquals(1, layout.activationBanks());
        assertEquals(64, TileBuffers.bankWordBits(80, 0));
        assertEquals(16, TileBuffers.bankWordBits(80, 1));
        // B (2 x 5, row-major) = codes 0x1001..0x1005 in step 0 and 0x2001..0x2005 in step 1; lane n at bits 16·n:
        // bank 0 holds lanes 0..3, bank 1 lane 4
        long[] b = {0x1001, 0x1002, 0x1003, 0x1004, 0x1005, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005};
        assertEquals(List.of(0x1004_1003_1002_1001L, 0x2004_2003_2002_2001L), layout.weightBankWords(b, 0, 0));
        assertEquals(List.of(0x1005L, 0x2005L), layout.weightBankWords(b, 0, 1));
        assertThrows(IllegalStateException.class, () -> layout.weightWords(b, 0));
    }

    @Test
    void aOneBankWordIsTheWholeWordWithItsTopBitSet() {
        TileBuffers layout = new TileBuffers(new ArrayPlan(1, 1, new TileShape(1, 1, 4), new CellTiming(1, 1, 4, 1)),
                16, 16);
        assertEquals(1, layout.weightBanks());
        assertEquals(List.of(0xFFFF_8000_0002_0001L), layout.weightWords(new long[] {1, 2, 0x8000, 0xFFFF}, 0));
    }

    @Test
    void wordsPastTheWidestValueAreRefused() {
        // 65 lanes of 64 bits = 4160 bits > 4096
        ArrayPlan plan = new ArrayPlan(1, 1, new TileShape(1, 1, 65), new CellTiming(1, 1, 65, 1));
        assertThrows(IllegalArgumentException.class, () -> new TileBuffers(plan, 8, 64));
    }
}
