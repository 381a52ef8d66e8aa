package io.bitforge.verilog.board;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.verilog.pe.PeRtlRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host's bytes for a 1x1 INT8 mac-int array, and its decoding of hand-made replies. */
class TileSessionTest {
    private static final Registry REGISTRY = Registry.load();

    private static BoardDesign design() {
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("tpu-like-int8", "--hw")
                .withArray(new ArraySpec(1, 1));
        return BoardDesign.of(spec, PeRtlRegistry.load(), new io.bitforge.verilog.array.TileShape(1, 2, 1),
                Board.ICEBREAKER, 16);
    }

    private static TileSession session() {
        // A = [3, -2] (row), B = [5, 7] (column): C = 3*5 + (-2)*7 = 1
        return new TileSession(design().top().layout(), new long[] {3, 0xfe}, new long[] {5, 7});
    }

    @Test
    void requestsFollowTheProtocol() {
        List<Exchange> ex = session().exchanges();
        // identify, load row 0's activations, load column 0's weights, start, cycles, one result memory, status
        assertEquals(7, ex.size());
        assertArrayEquals(new byte[] {'V'}, ex.get(0).request());
        assertEquals(7, ex.get(0).replyBytes());
        // one 8-bit code per word, K = 2 words: 'W', buffer, 03, fe
        assertArrayEquals(new byte[] {'W', 0, 3, (byte) 0xfe}, ex.get(1).request());
        assertArrayEquals(new byte[] {'W', 1, 5, 7}, ex.get(2).request());
        assertArrayEquals(new byte[] {'S'}, ex.get(3).request());
        assertArrayEquals(new byte[] {'C'}, ex.get(4).request());
        assertEquals(4, ex.get(4).replyBytes());
        assertArrayEquals(new byte[] {'R', 0}, ex.get(5).request());
        // one 32-bit accumulator
        assertEquals(4, ex.get(5).replyBytes());
    }

    @Test
    void decodesHandMadeReplies() {
        TileSession s = session();
        List<byte[]> replies = replies(s, -1L);
        TileSession.BoardRun run = s.decode(replies);
        assertArrayEquals(new long[] {-1}, run.c());
        assertEquals(0x0102_0304L, run.cycles());
        BoardCheck check = BoardCheck.of(s, run, 0x0102_0304L);
        assertEquals(1, check.mismatches());
        assertEquals("C[0][0] = -1, expected 1", check.firstMismatchText());
        assertTrue(check.cyclesMatch());
    }

    @Test
    void anotherDesignOrARefusalIsAProtocolError() {
        TileSession s = session();
        List<byte[]> wrongSignature = replies(s, 1);
        wrongSignature.get(0)[3] ^= 1;
        BoardProtocolException e = assertThrows(BoardProtocolException.class, () -> s.decode(wrongSignature));
        assertTrue(e.getMessage().contains("flash the matching bitstream"), e.getMessage());
        List<byte[]> refused = replies(s, 1);
        refused.set(1, new byte[] {'!'});
        e = assertThrows(BoardProtocolException.class, () -> s.decode(refused));
        assertEquals("load buffer 0: the board answered 21, expected 77 (command refused)", e.getMessage());
    }

    private static List<byte[]> replies(TileSession s, long result) {
        long sig = s.layout().signature();
        List<byte[]> r = new ArrayList<>();
        r.add(new byte[] {'B', 'F', 1, (byte) sig, (byte) (sig >> 8), (byte) (sig >> 16), (byte) (sig >> 24)});
        r.add(new byte[] {'w'});
        r.add(new byte[] {'w'});
        r.add(new byte[] {'s'});
        r.add(new byte[] {4, 3, 2, 1});
        r.add(new byte[] {(byte) result, (byte) (result >> 8), (byte) (result >> 16), (byte) (result >> 24)});
        r.add(new byte[] {6});
        return r;
    }
}
