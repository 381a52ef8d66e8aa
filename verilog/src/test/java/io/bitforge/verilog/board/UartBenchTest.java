package io.bitforge.verilog.board;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.verilog.ladder.PeDesign;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.tools.ToolException;
import io.bitforge.verilog.tools.ToolGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /**
     * A reply that never completes ends the bench at its wait limit with one line naming the exchange: here the host
     * expects 9 bytes for 'V', which answers 7 (B, F, version, signature[4]). The limit by hand: 2 · (9 + 2) frames of
     * 10 bits at 104 cycles, plus twice the run bound of 100, plus 10,000 = 22,880 + 200 + 10,000 = 33,080.
     */
    @Test
    void aReplyThatStopsShortIsOneLineNamingTheExchange() throws Exception {
        ToolGate.require("iverilog", "vvp");
        PeRtlRegistry rtl = PeRtlRegistry.load();
        HardwareSpec spec = PeDesign.withRtlParams(new HardwareSpecLoader(REGISTRY).resolve("tpu-like-int8", "--hw")
                .withArray(new ArraySpec(1, 1)), rtl, note -> { });
        BoardDesign design = BoardDesign.of(spec, rtl, null, Board.ICEBREAKER, HostProtocol.clocksPerBit());
        UartBench bench = new UartBench(design.top(), HostProtocol.clocksPerBit(), 100, dir);
        List<Exchange> tooLong = List.of(new Exchange("identify", new byte[] {HostProtocol.IDENTIFY},
                HostProtocol.IDENTIFY_REPLY_BYTES + 2));
        ToolException e = assertThrows(ToolException.class, () -> bench.transact(tooLong));
        assertEquals("the UART bench (Icarus) timed out on the 'identify' exchange (exchange 1 of 1): the design sent "
                + "7 of its 9 reply bytes within 33,080 board cycles; it does not answer as the protocol asks",
                e.getMessage());
    }

    /** The bytes of a short reply count from the exchange's own first byte, not from the session's. */
    @Test
    void theTimedOutExchangeIsFoundByItsReplyBytes() {
        List<Exchange> exchanges = List.of(new Exchange("identify", new byte[] {'V'}, 7),
                new Exchange("start", new byte[] {'S'}, 1), new Exchange("read cycles", new byte[] {'C'}, 4));
        assertEquals("the UART bench (Icarus) timed out on the 'read cycles' exchange (exchange 3 of 3): the design "
                + "sent 2 of its 4 reply bytes within 1,234 board cycles; it does not answer as the protocol asks",
                UartBench.replyTimeout(exchanges, List.of(10L, 20L, 1234L), 12, 10));
        assertEquals("the UART bench (Icarus) timed out on the 'start' exchange (exchange 2 of 3): the design "
                + "sent 0 of its 1 reply bytes within 20 board cycles; it does not answer as the protocol asks",
                UartBench.replyTimeout(exchanges, List.of(10L, 20L, 1234L), 8, 7));
    }
}
