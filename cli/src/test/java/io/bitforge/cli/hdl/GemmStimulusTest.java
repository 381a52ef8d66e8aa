package io.bitforge.cli.hdl;

import io.bitforge.verilog.gen.SystolicArray;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GemmStimulusTest {

    @Test
    void expectedIsTheExactProduct() {
        SystolicArray.Params p = new SystolicArray.Params(1, 1, 8, 32);
        GemmStimulus g = new GemmStimulus(p, 2, new long[][]{{3, -4}}, new long[][]{{5}, {6}});
        assertEquals(BigInteger.valueOf(3 * 5 - 4 * 6), g.expected(0, 0));
    }

    @Test
    void expectedWrapsToTheAccumulatorWidth() {
        // 3 x 127 x 127 = 48387 does not fit a signed 16-bit accumulator: 48387 - 65536 = -17149
        SystolicArray.Params p = new SystolicArray.Params(1, 1, 8, 16);
        GemmStimulus g = new GemmStimulus(p, 3, new long[][]{{127, 127, 127}}, new long[][]{{127}, {127}, {127}});
        assertEquals(BigInteger.valueOf(-17149), g.expected(0, 0));
    }

    @Test
    void expectedHoldsSumsWiderThanALong() {
        // (-2^31)·(-2^31) = 2^62, four of them 2^64: past a long, inside a 128-bit accumulator
        SystolicArray.Params p = new SystolicArray.Params(1, 1, 32, 128);
        long min = Integer.MIN_VALUE;
        GemmStimulus g = new GemmStimulus(p, 4, new long[][]{{min, min, min, min}},
                new long[][]{{min}, {min}, {min}, {min}});
        assertEquals(BigInteger.ONE.shiftLeft(64), g.expected(0, 0));
        // the same in a 65-bit accumulator wraps to -2^64
        GemmStimulus narrow = new GemmStimulus(new SystolicArray.Params(1, 1, 32, 65), 4, g.a(), g.b());
        assertEquals(BigInteger.ONE.shiftLeft(64).negate(), narrow.expected(0, 0));
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
