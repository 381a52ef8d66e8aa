package io.bitforge.cli.commands;

import io.bitforge.cli.CliContext;
import io.bitforge.cli.ToolTimeout;
import io.bitforge.cli.hdl.BoardDesigns;
import io.bitforge.cli.hdl.HdlDesignOptions;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.verilog.array.TileArray;
import io.bitforge.verilog.array.TileShape;
import io.bitforge.verilog.board.Board;
import io.bitforge.verilog.board.BoardCheck;
import io.bitforge.verilog.board.BoardDesign;
import io.bitforge.verilog.board.BoardProtocolException;
import io.bitforge.verilog.board.HostProtocol;
import io.bitforge.verilog.board.SerialPort;
import io.bitforge.verilog.board.TileSession;
import io.bitforge.verilog.board.UartBench;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.tools.ToolException;
import io.bitforge.verilog.tools.ToolRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bitforge fpga-run}: runs a seeded GEMM tile on a board flashed with {@code fpga --board} (or on its top
 * level in Icarus with {@code --simulate}) and checks C against the family's functional model and the cycle count
 * against the engine's.
 */
@Command(name = "fpga-run", mixinStandardHelpOptions = true,
        description = "Run a seeded GEMM tile on a board flashed with 'fpga --board' over its UART (or simulate the "
                + "board top level in Icarus) and check C and the cycle count against the functional and cycle "
                + "models; exit 1 on a mismatch.")
public final class FpgaRunCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--port", paramLabel = "DEV",
            description = "The board's serial device, e.g. /dev/ttyUSB1 (the FTDI's second channel); set to 115200 "
                    + "baud raw with stty.")
    Path port;

    @Option(names = "--simulate", description = "Run the board top level in Icarus Verilog with a bit-level UART "
            + "testbench instead of a port.")
    boolean simulate;

    @Option(names = "--board", required = true, paramLabel = "BOARD",
            description = "icebreaker or hx8k-breakout, as the bitstream was built for.")
    String boardId;

    @Option(names = "--pe", paramLabel = "FAMILY", description = "The PE family the bitstream was built for.")
    String pe;

    @Option(names = "--hw", paramLabel = "SPEC|PRESET", description = "The hardware spec the bitstream was built for.")
    String hw;

    @Option(names = "--rows", paramLabel = "R", description = "Array rows, as built (default 2).")
    Integer rows;

    @Option(names = "--cols", paramLabel = "C", description = "Array columns, as built (default 2).")
    Integer cols;

    @Option(names = "--m", paramLabel = "M", description = "Tile rows of A and C, as built (1..4096).")
    Integer m;

    @Option(names = "--k", paramLabel = "K", description = "Tile reduction depth, as built (1..4096).")
    Integer k;

    @Option(names = "--n", paramLabel = "N", description = "Tile columns of B and C, as built (1..4096).")
    Integer n;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the tile's codes (default 1).")
    long seed;

    @Option(names = "--timeout-ms", defaultValue = "5000", paramLabel = "MS",
            description = "How long to wait for each reply from the board (default 5000).")
    long timeoutMillis;

    @Option(names = "--out", paramLabel = "DIR",
            description = "With --simulate: keep the Verilog, the testbench, its script and log here.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the result as JSON (- is stdout).")
    String json;

    public FpgaRunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Board board = Board.of(boardId).orElseThrow(() -> BadInputException.field(null, "--board",
                "'" + boardId + "'", "must be one of " + String.join(", ", Board.ids())));
        if ((port == null) == !simulate) {
            throw new BadInputException("fpga-run: give exactly one of --port DEV and --simulate");
        }
        if (pe == null && hw == null) {
            throw new BadInputException("fpga-run: give --pe FAMILY or --hw SPEC|PRESET, as the bitstream was built");
        }
        if (timeoutMillis < 1) {
            throw BadInputException.field(null, "--timeout-ms", timeoutMillis, "must be >= 1");
        }
        if (port != null && !Files.exists(port)) {
            throw BadInputException.field(null, "--port", port, "must be an existing serial device (is the board "
                    + "plugged in? the FTDI's second channel is usually /dev/ttyUSB1)");
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out: cannot use " + out + ": it is a file; --out names a folder to keep "
                    + "the bench's files in");
        }
        PeRtlRegistry rtl = PeRtlRegistry.load();
        HdlDesignOptions options = HdlDesignOptions.forPeArray(pe, hw, rows, cols, m, k, n)
                .withDefaultArray(BoardDesigns.DEFAULT_ROWS, BoardDesigns.DEFAULT_COLS);
        HardwareSpec spec = options.peSpec(context, rtl);
        BoardDesign design = BoardDesign.of(spec, rtl, options.peTile(spec, rtl), board,
                HostProtocol.clocksPerBit());
        TileSession session = design.session(seed);
        TileSession.BoardRun run;
        try {
            run = session.decode(simulate ? simulateRun(design, session) : portRun(session));
        } catch (BoardProtocolException e) {
            throw new BadInputException("fpga-run: " + e.getMessage(), e);
        }
        BoardCheck check = BoardCheck.of(session, run, design.expectedCycles(context.registry()));
        OutputTarget.write("--json", json, Json.write(result(design, check)), context.out());
        if (json == null) {
            print(design, check);
        }
        return check.passed() ? 0 : 1;
    }

    private List<byte[]> portRun(TileSession session) {
        try (SerialPort serial = SerialPort.open(port, Duration.ofMillis(timeoutMillis))) {
            return serial.link().transact(session.exchanges());
        } catch (IOException e) {
            throw new BadInputException("--port " + port + ": " + e.getMessage(), e);
        }
    }

    private List<byte[]> simulateRun(BoardDesign design, TileSession session) throws IOException {
        for (String tool : List.of("iverilog", "vvp")) {
            if (!ToolRunner.available(tool)) {
                throw new BadInputException("fpga-run --simulate: " + tool + " is not on PATH; install the "
                        + "toolchain with " + ToolRunner.INSTALL_HINT);
            }
        }
        Path dir = out != null ? out : ToolRunner.temporaryFolder("bitforge-fpga-run");
        try {
            Files.createDirectories(dir);
            UartBench bench = new UartBench(design.top(), HostProtocol.clocksPerBit(),
                    design.plan().engineCycles() + 100L * design.plan().rows() * design.plan().cols(), dir);
            return bench.transact(session.exchanges());
        } catch (ToolException e) {
            // a tool problem (the bench timed out, Icarus failed): bad input to the run, one line, exit 2
            String message = ToolTimeout.forUser(e.getMessage());
            throw new BadInputException("fpga-run --simulate: " + message + (out != null
                    ? " (bench log " + dir.resolve("bench.log") + ")"
                    : " (add --out DIR to keep the bench's Verilog and log)"), e);
        } finally {
            if (out == null) {
                ToolRunner.deleteTree(dir);
            }
        }
    }

    private Map<String, Object> result(BoardDesign design, BoardCheck check) {
        TileShape t = check.tile();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("board", design.board().id());
        r.put("link", simulate ? "icarus" : port.toString());
        r.put("family", design.pe().familyId());
        r.put("mode", design.pe().modeName());
        r.put("design", design.top().layout().arrayModule());
        r.put("rows", design.plan().rows());
        r.put("cols", design.plan().cols());
        r.put("tile", ordered("m", t.m(), "k", t.k(), "n", t.n()));
        r.put("seed", seed);
        r.put("cycles", ordered("board", check.actualCycles(), "model", check.expectedCycles(), "overhead",
                TileArray.OVERHEAD_CYCLES));
        r.put("elements", check.expected().length);
        r.put("mismatches", check.mismatches());
        r.put("firstMismatch", check.firstMismatchText());
        r.put("passed", check.passed());
        r.put("c", check.actual());
        r.put("expected", check.expected());
        return r;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private void print(BoardDesign design, BoardCheck check) {
        TileShape t = check.tile();
        context.out().println(design.pe().familyId() + " " + design.pe().modeName() + " on " + design.board().id()
                + (simulate ? " (simulated in Icarus)" : " via " + port) + ", " + design.plan().rows() + "x"
                + design.plan().cols() + " array, tile M=" + t.m() + " K=" + t.k() + " N=" + t.n() + ", seed " + seed);
        TextTable table = new TextTable(List.of("check", "board", "model", "match"));
        table.row(List.of("C elements equal", (check.expected().length - check.mismatches()) + " of "
                + check.expected().length, "functional", check.valuesMatch() ? "yes" : "NO"));
        table.row(List.of("start->computed cycles", check.actualCycles(), "engine "
                + (check.expectedCycles() - TileArray.OVERHEAD_CYCLES) + " + " + TileArray.OVERHEAD_CYCLES,
                check.cyclesMatch() ? "yes" : "NO"));
        context.out().print(table);
        if (!check.valuesMatch()) {
            context.out().println("first mismatch: " + check.firstMismatchText() + " (" + check.mismatches()
                    + " in all)");
        }
    }
}
