package io.bitforge.verilog.board;

import io.bitforge.core.io.BadInputException;
import io.bitforge.pe.lut.LutParams;
import io.bitforge.verilog.array.ArrayPlan;
import io.bitforge.verilog.array.TileShape;
import io.bitforge.verilog.pe.lut.LutRtl;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A board's host link loads single-bank words: a design with banked operand buffers is named as bad input. */
class BankedBoardTest {
    @Test
    void theFullLutUnitsBankedWordsAreRefusedForABoard() {
        LutRtl pe = new LutRtl(new LutParams(2, false, false, false, 2, 64, 4, false));
        ArrayPlan plan = new ArrayPlan(1, 1, new TileShape(2, 4, 64), pe.timing());
        BadInputException e = assertThrows(BadInputException.class,
                () -> BoardCore.build(pe, plan, new long[8], new long[256], 104));
        assertEquals("hardware.pe.params: lut int2_t2x64x4 reads 128- and 512-bit operand words from banked buffers; "
                + "the board link loads words of at most 64 bits: use the design without a board", e.getMessage());
    }
}
