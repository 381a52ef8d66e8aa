package io.bitforge.verilog.board;

import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.tools.Iverilog;
import io.bitforge.verilog.tools.ToolException;
import io.bitforge.verilog.tools.ToolRunner;
import io.bitforge.verilog.tools.ToolResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ByteLink} to a board top level simulated in Icarus Verilog: a testbench plays the host's bytes as UART
 * frames on {@code uart_rx} (bit by bit, {@code clocksPerBit} cycles a bit) and decodes every frame the design
 * sends on {@code uart_tx}. The host's exchanges go to the testbench as a script ({@code bench_script.txt}: per
 * line {@code 0 BYTE 0} sends a byte, {@code 1 COUNT LIMIT} waits, at most LIMIT cycles, until COUNT reply bytes
 * have arrived in all); the bytes received are written to {@code bench_replies.txt}, one hex byte a line, and cut
 * into the replies by their lengths. Requests are sent only after the previous reply is complete, as over a port.
 */
public final class UartBench implements ByteLink {
    private static final String TOP = "uart_bench";
    /** The testbench's line when a wait for reply bytes runs past its limit (see the script format above). */
    private static final Pattern BENCH_TIMEOUT = Pattern.compile(
            "UART-BENCH TIMEOUT waiting for reply byte (\\d+), received (\\d+)");
    private final BoardTop top;
    private final int clocksPerBit;
    private final long runCyclesBound;
    private final Path dir;

    /**
     * @param runCyclesBound an upper bound on one tile run's cycles (start to done), for the waits' limits
     * @param dir            folder for the Verilog, the script, the replies and the log
     */
    public UartBench(BoardTop top, int clocksPerBit, long runCyclesBound, Path dir) {
        this.top = top;
        this.clocksPerBit = clocksPerBit;
        // the bound counts core cycles; the bench counts board cycles, divider of them per core cycle
        this.runCyclesBound = Math.multiplyExact(runCyclesBound, top.clock().divider());
        this.dir = dir;
    }

    @Override
    public List<byte[]> transact(List<Exchange> exchanges) throws IOException {
        EmittedDesign design = top.emit(EmitOptions.simulation());
        List<String> files = new ArrayList<>();
        design.writeTo(dir).forEach(p -> files.add(p.getFileName().toString()));
        Files.writeString(dir.resolve(TOP + ".v"), testbench(design.top()), StandardCharsets.UTF_8);
        files.add(TOP + ".v");
        StringBuilder script = new StringBuilder();
        long expected = 0;
        List<Long> limits = new ArrayList<>();
        for (Exchange e : exchanges) {
            for (byte b : e.request()) {
                script.append(String.format(Locale.ROOT, "0 %02x 0%n", b & 0xff));
            }
            expected += e.replyBytes();
            // the reply's frames, plus a whole tile run, with room to spare
            long limit = 2L * (e.replyBytes() + 2) * 10 * clocksPerBit + 2 * runCyclesBound + 10_000;
            limits.add(limit);
            script.append(String.format(Locale.ROOT, "1 %x %x%n", expected, limit));
        }
        Files.writeString(dir.resolve("bench_script.txt"), script.toString(), StandardCharsets.UTF_8);
        Files.deleteIfExists(dir.resolve("bench_replies.txt"));
        ToolResult r = Iverilog.compileAndRun(dir, files, TOP, List.of(), Duration.ofMinutes(10));
        Files.writeString(dir.resolve("bench.log"), r.stdout() + r.stderr(), StandardCharsets.UTF_8);
        if (r.timedOut()) {
            throw new ToolException("the UART bench (" + r.tool() + ", Icarus) was stopped after "
                    + r.elapsed().toSeconds() + " s, before the host's exchanges were done (raise the tool time "
                    + "limit, the " + ToolRunner.TIMEOUT_PROPERTY + " property)");
        }
        Matcher waited = BENCH_TIMEOUT.matcher(r.stdout());
        if (waited.find()) {
            throw new ToolException(replyTimeout(exchanges, limits, Long.parseLong(waited.group(1)),
                    Long.parseLong(waited.group(2))));
        }
        if (!r.ok()) {
            throw r.failure();
        }
        if (!r.stdout().contains("UART-BENCH DONE")) {
            throw new ToolException("the UART bench (Icarus) ended without finishing the host's exchanges; last "
                    + "output: " + tail(r.stdout() + r.stderr(), 300).strip());
        }
        if (!r.stdout().contains("framing_errors=0")) {
            throw new ToolException("the design sent a frame with a low stop bit: " + tail(r.stdout(), 400));
        }
        List<String> lines = Files.readAllLines(dir.resolve("bench_replies.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (lines.size() != expected) {
            throw new ToolException("the design sent " + lines.size() + " bytes, the protocol asks for " + expected);
        }
        List<byte[]> replies = new ArrayList<>();
        int at = 0;
        for (Exchange e : exchanges) {
            byte[] reply = new byte[e.replyBytes()];
            for (int i = 0; i < reply.length; i++) {
                reply[i] = (byte) Integer.parseInt(lines.get(at++), 16);
            }
            replies.add(reply);
        }
        return replies;
    }

    /**
     * One line for the bench's own wait running out: which exchange's reply stopped short, how many of its bytes
     * came, and within how many board cycles.
     */
    static String replyTimeout(List<Exchange> exchanges, List<Long> limits, long waitedFor, long received) {
        long before = 0;
        for (int i = 0; i < exchanges.size(); i++) {
            Exchange e = exchanges.get(i);
            long after = before + e.replyBytes();
            if (after == waitedFor) {
                return String.format(Locale.ROOT, "the UART bench (Icarus) timed out on the '%s' exchange "
                        + "(exchange %d of %d): the design sent %d of its %d reply bytes within %,d board cycles; "
                        + "it does not answer as the protocol asks", e.what(), i + 1, exchanges.size(),
                        Math.max(0, received - before), e.replyBytes(), limits.get(i));
            }
            before = after;
        }
        return "the UART bench (Icarus) timed out waiting for reply byte " + waitedFor + " (" + received
                + " received)";
    }

    private String testbench(String dut) {
        StringBuilder leds = new StringBuilder();
        for (Board.Led led : top.board().leds()) {
            leds.append(", .").append(led.port()).append("()");
        }
        return """
                // UART testbench: plays a host's bytes from bench_script.txt, records the design's replies.
                `timescale 1ns/1ns
                `default_nettype none
                module uart_bench;
                    localparam integer CPB = %d;
                    reg clk = 1'b0;
                    always #5 clk = ~clk;
                    reg rx = 1'b1;
                    wire tx;
                    %s dut (.clk(clk), .uart_rx(rx), .uart_tx(tx)%s);
                    integer cycle = 0;
                    always @(posedge clk) cycle <= cycle + 1;
                    integer received = 0;
                    integer framing = 0;
                    integer out;
                    integer k;
                    reg [7:0] rbyte;
                    // receiver: the middle of the start bit, then of each data bit, then the stop bit
                    initial begin
                        out = $fopen("bench_replies.txt", "w");
                        repeat (64) @(posedge clk);
                        forever begin
                            @(negedge tx);
                            repeat (CPB / 2) @(posedge clk);
                            for (k = 0; k < 8; k = k + 1) begin
                                repeat (CPB) @(posedge clk);
                                rbyte[k] = tx;
                            end
                            repeat (CPB) @(posedge clk);
                            if (tx !== 1'b1) framing = framing + 1;
                            $fwrite(out, "%%02x\\n", rbyte);
                            $fflush(out);
                            received = received + 1;
                        end
                    end
                    task send_byte(input [7:0] v);
                        integer b;
                        begin
                            rx = 1'b0;
                            repeat (CPB) @(posedge clk);
                            for (b = 0; b < 8; b = b + 1) begin
                                rx = v[b];
                                repeat (CPB) @(posedge clk);
                            end
                            rx = 1'b1;
                            repeat (CPB) @(posedge clk);
                        end
                    endtask
                    integer script;
                    integer code;
                    integer op;
                    integer value;
                    integer limit;
                    integer since;
                    initial begin
                        script = $fopen("bench_script.txt", "r");
                        repeat (32) @(posedge clk);
                        code = $fscanf(script, "%%h %%h %%h\\n", op, value, limit);
                        while (code == 3) begin
                            if (op == 0) begin
                                send_byte(value[7:0]);
                            end else begin
                                since = cycle;
                                while (received < value && cycle - since < limit) @(posedge clk);
                                if (received < value) begin
                                    $display("UART-BENCH TIMEOUT waiting for reply byte %%0d, received %%0d", value,
                                             received);
                                    $finish;
                                end
                            end
                            code = $fscanf(script, "%%h %%h %%h\\n", op, value, limit);
                        end
                        repeat (2 * CPB) @(posedge clk);
                        $fclose(out);
                        $display("UART-BENCH DONE received=%%0d framing_errors=%%0d cycles=%%0d", received, framing,
                                 cycle);
                        $finish;
                    end
                endmodule
                """.formatted(clocksPerBit, dut, leds);
    }

    private static String tail(String s, int chars) {
        return s.length() <= chars ? s : "..." + s.substring(s.length() - chars);
    }
}
