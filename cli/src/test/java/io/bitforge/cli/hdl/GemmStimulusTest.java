package io.bitforge.cli.hdl;

import io.bitforge.verilog.gen.SystolicArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GemmStimulusTest {

    @Test
    void expectedIsTheExactProduct() {
        SystolicArray.Params p = new SystolicArray.Params(1, 1, 8, 32);
        GemmStimulus g = new GemmStimulus(p, 2, new long[][]{{3, -4}}, new long[][]{{5}, {6}});
        assertEquals(3 * 5 - 4 * 6, g.expected(0, 0));
    }

    @Test
    void expectedWrapsToTheAccumulatorWidth() {
        // 3 x 127 x 127 = 48387 does not fit a signed 16-bit accumulator: 48387 - 65536 = -17149
        SystolicArray.Params p = new SystolicArray.Params(1, 1, 8, 16);
        GemmStimulus g = new GemmStimulus(p, 3, new long[][]{{127, 127, 127}}, new long[][]{{127}, {127}, {127}});
        assertEquals(-17149, g.expected(0, 0));
    }

    @Test
    void operandsStayInTheSignedDataRange() {
        SystolicArray.Params p = new SystolicArray.Params(3, 2, 4, 16);
        GemmStimulus g = GemmStimulus.random(p, 50, 7);
        for (long[] row : g.a()) {
            for (long v : row) {
                assertEquals(true, v >= -8 && v <= 7, "4-bit operand " + v);
            }
        }
        // fill R + C - 2 = 3, plus K = 50 reduction steps, plus the idle cycles
        assertEquals(50 + 3 + GemmStimulus.IDLE_CYCLES, g.cycles());
    }
}
