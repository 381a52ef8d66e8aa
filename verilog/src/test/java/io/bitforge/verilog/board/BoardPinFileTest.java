package io.bitforge.verilog.board;

import io.bitforge.verilog.fpga.FpgaPart;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A board's facts live once: its part (and the part's oscillator pin) in {@link FpgaPart}, its other pins in the
 * shipped pin file; the two must agree on where the 12 MHz clock is.
 */
class BoardPinFileTest {
    @Test
    void eachBoardPinFilePutsTheClockOnItsPartsOscillatorPin() {
        for (Board board : Board.values()) {
            String clockLine = board.pcf().lines().filter(l -> l.startsWith("set_io clk ")).findFirst()
                    .orElseThrow();
            assertEquals(board.part().clockOnlyPcf().strip(), clockLine.strip(), board.id());
        }
    }

    @Test
    void theClockPinsAreTheBoardsPublishedOnes() {
        // iCEBreaker schematic: the 12 MHz oscillator on pin 35; iCE40-HX8K breakout user guide: ball J3
        assertEquals("set_io clk 35\n", FpgaPart.UP5K.clockOnlyPcf());
        assertEquals("set_io clk J3\n", FpgaPart.HX8K.clockOnlyPcf());
        assertEquals(FpgaPart.UP5K, Board.ICEBREAKER.part());
        assertEquals(FpgaPart.HX8K, Board.HX8K_BREAKOUT.part());
        assertTrue(Board.ICEBREAKER.pkg().equals("sg48") && Board.HX8K_BREAKOUT.pkg().equals("ct256"));
    }
}
