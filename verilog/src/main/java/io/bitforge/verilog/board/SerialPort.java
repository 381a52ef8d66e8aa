package io.bitforge.verilog.board;

import io.bitforge.verilog.tools.ToolResult;
import io.bitforge.verilog.tools.ToolRunner;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A board's UART as a serial device on Linux (e.g. {@code /dev/ttyUSB1}, the FT2232H's second channel): set to
 * 115200 baud, 8 data bits, no parity, one stop bit, raw (no echo, no line editing, no flow control) with
 * {@code stty}, then read and written as a file.
 */
public final class SerialPort implements AutoCloseable {
    private final FileInputStream in;
    private final FileOutputStream out;
    private final StreamLink link;

    private SerialPort(FileInputStream in, FileOutputStream out, Duration replyTimeout) {
        this.in = in;
        this.out = out;
        this.link = new StreamLink(in, out, replyTimeout);
    }

    /** The {@code stty} arguments that set {@code device} up for {@link HostProtocol}. */
    public static List<String> sttyCommand(Path device) {
        return List.of("stty", "-F", device.toString(), Long.toString(HostProtocol.BAUD), "raw", "-echo", "cs8",
                "-cstopb", "-parenb", "-crtscts", "-ixon", "-ixoff");
    }

    /**
     * Sets the device up and opens it.
     *
     * @throws IOException when it does not exist, {@code stty} refuses it, or it cannot be opened
     */
    public static SerialPort open(Path device, Duration replyTimeout) throws IOException {
        if (!Files.exists(device)) {
            throw new IOException(device + " does not exist");
        }
        ToolResult stty = ToolRunner.run(Path.of("."), Duration.ofSeconds(10), sttyCommand(device));
        if (!stty.ok()) {
            throw new IOException("stty could not set " + device + " to " + HostProtocol.BAUD + " baud raw: "
                    + (stty.stderr() + stty.stdout()).strip());
        }
        FileInputStream in = new FileInputStream(device.toFile());
        try {
            return new SerialPort(in, new FileOutputStream(device.toFile()), replyTimeout);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    public ByteLink link() {
        return link;
    }

    @Override
    public void close() throws IOException {
        try (in; out) {
            // both streams close, the output's error (if any) after the input's
        }
    }
}
