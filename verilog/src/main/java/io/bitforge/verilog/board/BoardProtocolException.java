package io.bitforge.verilog.board;

/** A board's reply that breaks {@link HostProtocol}: another design, another version, a refused command. */
public final class BoardProtocolException extends RuntimeException {
    public BoardProtocolException(String message) {
        super(message);
    }
}
