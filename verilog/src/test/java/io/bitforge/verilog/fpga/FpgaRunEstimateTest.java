package io.bitforge.verilog.fpga;

import io.bitforge.verilog.estimate.DesignSize;
import io.bitforge.verilog.estimate.ToolRunEstimate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FpgaRunEstimateTest {
    private static final FpgaPart UP5K = FpgaPart.of("up5k").orElseThrow();

    @Test
    void theFlowsStagesInRunOrder() {
        ToolRunEstimate e = FpgaRunEstimate.build(new DesignSize(1000, 100), UP5K);
        assertEquals(List.of("yosys synthesis", "nextpnr place and route", "icepack", "icetime"),
                e.stages().stream().map(ToolRunEstimate.Stage::name).toList());
        assertTrue(e.stages().stream().allMatch(s -> s.seconds() > 0), e.toString());
    }

    @Test
    void everyStageIsMonotoneInTheDesignsSize() {
        ToolRunEstimate previous = null;
        for (long ops = 0; ops <= 10_000_000; ops = ops == 0 ? 1 : ops * 3) {
            ToolRunEstimate e = FpgaRunEstimate.build(new DesignSize(ops, ops / 2), UP5K);
            if (previous != null) {
                for (int i = 0; i < e.stages().size(); i++) {
                    assertTrue(e.stages().get(i).seconds() >= previous.stages().get(i).seconds(),
                            ops + ": " + e.stages().get(i) + " after " + previous.stages().get(i));
                }
                assertTrue(e.totalSeconds() > previous.totalSeconds(), ops + ": " + e);
            }
            previous = e;
        }
    }
}
