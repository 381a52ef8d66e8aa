package io.bitforge.verilog.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ByteLink} over plain byte streams (a serial device opened as a file, after {@code stty} has set it to
 * 115200 baud raw): each request is written, then its whole reply read before the next request, each reply within
 * {@code timeout} (a board that does not answer ends the run with an exception, not a hang).
 */
public final class StreamLink implements ByteLink {
    private final InputStream in;
    private final OutputStream out;
    private final Duration timeout;

    public StreamLink(InputStream in, OutputStream out, Duration timeout) {
        this.in = in;
        this.out = out;
        this.timeout = timeout;
    }

    @Override
    public List<byte[]> transact(List<Exchange> exchanges) throws IOException {
        List<byte[]> replies = new ArrayList<>();
        for (Exchange e : exchanges) {
            out.write(e.request());
            out.flush();
            replies.add(read(e));
        }
        return replies;
    }

    private byte[] read(Exchange e) throws IOException {
        byte[] reply = new byte[e.replyBytes()];
        int got = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got < reply.length) {
            if (in.available() > 0) {
                int n = in.read(reply, got, Math.min(in.available(), reply.length - got));
                if (n < 0) {
                    break;
                }
                got += n;
            } else if (System.nanoTime() > deadline) {
                break;
            } else {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the board", ie);
                }
            }
        }
        if (got < reply.length) {
            throw new IOException(e.what() + ": the board sent " + got + " of " + reply.length + " reply bytes within "
                    + timeout.toMillis() + " ms");
        }
        return reply;
    }
}
