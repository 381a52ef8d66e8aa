package io.bitforge.verilog.board;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.verilog.ladder.PeDesign;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.tools.ToolGate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The board top level in Icarus with a testbench that plays the host's bytes as UART frames at the real bit period
 * (104 cycles, 115200 baud from 12 MHz): the host session's replies decode to C equal to the family's functional
 * model and to a cycle count equal to the engine's plus the RTL's overhead.
 */
class UartBenchTest {
    private static final Registry REGISTRY = Registry.load();

    @TempDir
    Path dir;

    /**
     * Cycles by hand, SCALE-Sim v2's os fold on a 2x2 array with the default tile (K = 4 lanes of steps, T = 4): a
     * fold lasts T + R + C − 2 = 6 steps; the engine reports the last cycle's index, 6·cyclesPerStep − 1; the RTL
     * adds 4. One cycle a step for mac-int and MixPE (9); two for BitMoD's 4-bit weights at two bits a cycle (15);
     * OliVe's W4A4 is one cycle a step plus its edge decoders' one pipeline stage per fold (6 − 1 + 1 + 4 = 10), and
     * its buffers hold a pair of codes per word, so the link loads pairs.
     */
    @ParameterizedTest
    @CsvSource({"tpu-like-int8, 9", "mixpe-w4a8, 9", "bitmod-prefill, 15", "olive-w4a4, 10"})
    void hostRoundTripMatchesTheModels(String preset, long handCycles) throws Exception {
        ToolGate.require("iverilog", "vvp");
        PeRtlRegistry rtl = PeRtlRegistry.load();
        HardwareSpec spec = PeDesign.withRtlParams(new HardwareSpecLoader(REGISTRY).resolve(preset, "--hw")
                .withArray(new ArraySpec(2, 2)), rtl, note -> { });
        BoardDesign design = BoardDesign.of(spec, rtl, null, Board.ICEBREAKER, HostProtocol.clocksPerBit());
        TileSession session = design.session(7);
        List<Exchange> exchanges = session.exchanges();
        UartBench bench = new UartBench(design.top(), HostProtocol.clocksPerBit(), design.plan().engineCycles() + 100,
                dir);
        TileSession.BoardRun run = session.decode(bench.transact(exchanges));
        BoardCheck check = BoardCheck.of(session, run, design.expectedCycles(REGISTRY));
        assertTrue(check.valuesMatch(), check.firstMismatchText());
        assertEquals(handCycles, run.cycles());
        assertTrue(check.cyclesMatch(), check.expectedCycles() + " vs " + check.actualCycles());
        // status after the run: computed and done, no error
        assertEquals(HostProtocol.STATUS_COMPUTED | HostProtocol.STATUS_DONE, run.status());
        // the seeded tile was loaded over the link: the buffers' power-up contents are zero, so C would be
        assertTrue(Arrays.stream(run.c()).anyMatch(v -> v != 0), run.toString());
    }
}
