package io.bitforge.verilog.board;

import java.io.IOException;
import java.util.List;

/**
 * A way to a board: sends each exchange's request and returns its reply, in order. A serial port
 * ({@link StreamLink}) does them one at a time; the Icarus bench ({@link UartBench}) plays them all in one run.
 */
public interface ByteLink {
    List<byte[]> transact(List<Exchange> exchanges) throws IOException;
}
