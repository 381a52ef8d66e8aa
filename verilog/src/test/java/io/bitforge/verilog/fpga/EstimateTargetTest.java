package io.bitforge.verilog.fpga;

import io.bitforge.verilog.tools.SynthFlow;
import io.bitforge.verilog.tools.SynthReport;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How ECP5 and Xilinx cell counts become LUTs, flip-flops, DSPs and block RAMs. */
class EstimateTargetTest {
    @Test
    void ecp5CountsACarryCellAsTwoLuts() {
        SynthReport r = new SynthReport(SynthFlow.ECP5, new TreeMap<>(Map.of("LUT4", 10, "CCU2C", 5, "TRELLIS_FF",
                7, "MULT18X18D", 4, "DP16KD", 1)), 27);
        ResourceUse[] u = EstimateTarget.ECP5.use(r);
        assertEquals(new ResourceUse(20, 24288), u[0]);
        assertEquals(new ResourceUse(7, 24288), u[1]);
        assertEquals(new ResourceUse(4, 28), u[2]);
        assertEquals(new ResourceUse(1, 56), u[3]);
    }

    @Test
    void xilinxSumsLutSizesAndHalvesRamb18() {
        SynthReport r = new SynthReport(SynthFlow.XILINX, new TreeMap<>(Map.of("LUT2", 3, "LUT6", 4, "LUTRAM", 9,
                "FDRE", 5, "FDSE", 1, "DSP48E1", 2, "RAMB18E1", 3)), 27);
        ResourceUse[] u = EstimateTarget.XC7.use(r);
        // LUTRAM is not a LUTn cell
        assertEquals(7, u[0].used());
        assertEquals(6, u[1].used());
        assertEquals(2, u[2].used());
        // three RAMB18E1 take two RAMB36E1 sites
        assertEquals(2, u[3].used());
        // 7 of 20,800 LUTs = 0.03 % -> 0.0 at one decimal
        assertEquals(0.0, u[0].percent());
        assertEquals(2.2, u[2].percent());
    }
}
