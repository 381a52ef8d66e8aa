package io.bitforge.verilog.board;

/** One command of {@link HostProtocol}: its bytes, the length of its reply, and what it does (for messages). */
public record Exchange(String what, byte[] request, int replyBytes) {
    public Exchange {
        request = request.clone();
    }

    @Override
    public byte[] request() {
        return request.clone();
    }
}
