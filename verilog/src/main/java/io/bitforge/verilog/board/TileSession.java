package io.bitforge.verilog.board;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.array.TileBuffers;
import io.bitforge.verilog.array.TileShape;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The host's side of one tile run over {@link HostProtocol}: identify the board's design, load A and B (codes,
 * row-major M×K and K×N) into the operand buffers, start, read the cycle count and every result memory, read the
 * status; then decode the replies into C and the count.
 */
public record TileSession(LinkLayout layout, long[] activationCodes, long[] weightCodes) {
    public TileSession {
        TileShape t = layout.plan().tile();
        if (activationCodes.length != t.m() * t.k() || weightCodes.length != t.k() * t.n()) {
            throw new IllegalArgumentException("tile " + t + " needs " + t.m() * t.k() + " and " + t.k() * t.n()
                    + " codes");
        }
        activationCodes = activationCodes.clone();
        weightCodes = weightCodes.clone();
    }

    /** The commands, in order. */
    public List<Exchange> exchanges() {
        List<Exchange> out = new ArrayList<>();
        out.add(new Exchange("identify", new byte[] {HostProtocol.IDENTIFY}, HostProtocol.IDENTIFY_REPLY_BYTES));
        TileBuffers buffers = layout.buffers();
        for (int buf = 0; buf < layout.operandBuffers(); buf++) {
            List<Long> words = buf < layout.rows() ? buffers.activationWords(activationCodes, buf)
                    : buffers.weightWords(weightCodes, buf - layout.rows());
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.write(HostProtocol.WRITE_BUFFER);
            req.write(buf);
            for (long w : words) {
                for (int i = 0; i < layout.loadBytes(); i++) {
                    req.write((int) (w >>> (8 * i)) & 0xff);
                }
            }
            out.add(new Exchange("load buffer " + buf, req.toByteArray(), 1));
        }
        out.add(new Exchange("start", new byte[] {HostProtocol.START}, 1));
        out.add(new Exchange("read cycles", new byte[] {HostProtocol.CYCLES}, HostProtocol.CYCLE_BYTES));
        for (int r = 0; r < layout.resultMemories().size(); r++) {
            out.add(new Exchange("read result memory " + r, new byte[] {HostProtocol.READ_RESULTS, (byte) r},
                    layout.resultDepth() * layout.resultBytes()));
        }
        out.add(new Exchange("status", new byte[] {HostProtocol.STATUS}, 1));
        return out;
    }

    /**
     * Decodes the replies to {@link #exchanges()}.
     *
     * @throws BoardProtocolException when a reply is not what the protocol says (another design, a refused command)
     */
    public BoardRun decode(List<byte[]> replies) {
        List<Exchange> ex = exchanges();
        if (replies.size() != ex.size()) {
            throw new BoardProtocolException("expected " + ex.size() + " replies, got " + replies.size());
        }
        byte[] id = replies.get(0);
        if (id[0] != HostProtocol.MAGIC[0] || id[1] != HostProtocol.MAGIC[1]) {
            throw new BoardProtocolException("identify: the board answered " + hex(id)
                    + ", not a BitForge top level ('BF')");
        }
        long signature = littleEndian(id, 3, 4);
        if (id[2] != HostProtocol.VERSION || signature != layout.signature()) {
            throw new BoardProtocolException(String.format(Locale.ROOT, "identify: the board runs protocol %d, "
                    + "design signature %08x; this host speaks %d and expects %s (signature %08x): build and flash "
                    + "the matching bitstream", id[2], signature, HostProtocol.VERSION, layout.arrayModule(),
                    layout.signature()));
        }
        int i = 1;
        for (; i <= layout.operandBuffers(); i++) {
            expectByte(ex.get(i), replies.get(i), HostProtocol.WRITE_ACK);
        }
        expectByte(ex.get(i), replies.get(i), HostProtocol.START_ACK);
        i++;
        long cycles = littleEndian(replies.get(i++), 0, HostProtocol.CYCLE_BYTES);
        TileShape t = layout.plan().tile();
        long[] c = new long[t.m() * t.n()];
        boolean[] seen = new boolean[c.length];
        TileBuffers buffers = layout.buffers();
        int bytes = layout.resultBytes();
        for (int[] mem : layout.resultMemories()) {
            byte[] reply = replies.get(i++);
            for (int addr = 0; addr < layout.resultDepth(); addr++) {
                int[] element = buffers.resultElement(mem[0], mem[1], mem[2], addr);
                if (element != null) {
                    long raw = littleEndian(reply, addr * bytes, bytes);
                    int at = element[0] * t.n() + element[1];
                    c[at] = Bits.signExtend(raw, layout.accumulatorBits());
                    seen[at] = true;
                }
            }
        }
        for (boolean s : seen) {
            if (!s) {
                throw new IllegalStateException("the result layout leaves an element of C unread");
            }
        }
        int status = replies.get(i)[0] & 0xff;
        return new BoardRun(c, cycles, status);
    }

    private static void expectByte(Exchange e, byte[] reply, byte expected) {
        if (reply[0] != expected) {
            throw new BoardProtocolException(e.what() + ": the board answered " + hex(reply) + ", expected "
                    + hex(new byte[] {expected}) + (reply[0] == HostProtocol.NAK ? " (command refused)" : ""));
        }
    }

    private static long littleEndian(byte[] b, int offset, int length) {
        long v = 0;
        for (int i = length - 1; i >= 0; i--) {
            v = v << 8 | (b[offset + i] & 0xffL);
        }
        return v;
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format(Locale.ROOT, "%02x", x & 0xff));
        }
        return s.length() == 0 ? "nothing" : s.toString();
    }

    /** C (row-major M×N), the start-to-computed cycles and the final status byte the board reported. */
    public record BoardRun(long[] c, long cycles, int status) {
        public BoardRun {
            c = c.clone();
        }

        @Override
        public long[] c() {
            return c.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BoardRun r && Arrays.equals(c, r.c) && cycles == r.cycles && status == r.status;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(c) * 31 + Long.hashCode(cycles) + status;
        }

        @Override
        public String toString() {
            return "BoardRun[c=" + Arrays.toString(c) + ", cycles=" + cycles + ", status=" + status + "]";
        }
    }
}
