package io.bitforge.verilog.fpga;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Why a size did not fit comes from nextpnr's log: its ERROR line, which the tool's last lines (router progress)
 * do not hold. The log lines are shaped as nextpnr-ice40 0.4 prints them (a 1x1 bit-serial FP16 array at 12 MHz).
 */
class MaxArraySearchLogTest {
    @Test
    void theReasonIsNextpnrsErrorLine(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("nextpnr.log");
        Files.writeString(log, """
                Info: 	         ICESTORM_LC:  2330/ 5280    44%
                Info: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 11.73 MHz (FAIL at 12.00 MHz)
                ERROR: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 11.06 MHz (FAIL at 12.00 MHz)
                Info: [ 75971,  80344) |***************************+
                15 warnings, 1 error
                """);
        assertEquals(Optional.of("ERROR: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 11.06 MHz (FAIL at 12.00 MHz)"),
                MaxArraySearch.loggedError(log));
        assertEquals(2330, MaxArraySearch.loggedLogicCells(log));
        assertEquals(Optional.empty(), MaxArraySearch.loggedError(dir.resolve("absent.log")));
    }
}
