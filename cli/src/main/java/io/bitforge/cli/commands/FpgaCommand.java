package io.bitforge.cli.commands;

import io.bitforge.cli.CliContext;
import io.bitforge.cli.hdl.HdlDesignOptions;
import io.bitforge.cli.hdl.BoardDesigns;
import io.bitforge.cli.hdl.Ice40Board;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.verilog.board.Board;
import io.bitforge.verilog.board.BoardDesign;
import io.bitforge.verilog.board.HostProtocol;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.gen.Ram;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.tools.IceStorm;
import io.bitforge.verilog.tools.NextpnrIce40;
import io.bitforge.verilog.tools.PnrReport;
import io.bitforge.verilog.tools.SynthReport;
import io.bitforge.verilog.tools.ToolException;
import io.bitforge.verilog.tools.ToolRunner;
import io.bitforge.verilog.tools.Yosys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bitforge fpga}: takes a generated design to an iCE40 bitstream with the open tools — Yosys synthesis,
 * nextpnr-ice40 place and route with a fixed seed, icepack, icetime — and reports cells, utilisation and Fmax.
 */
@Command(name = "fpga", mixinStandardHelpOptions = true,
        description = "Synthesise, place and route a generated design to an iCE40 bitstream (Yosys, nextpnr-ice40, "
                + "IceStorm) and report utilisation and Fmax.")
public final class FpgaCommand implements Callable<Integer> {
    private static final List<String> TOOLS = List.of("yosys", "nextpnr-ice40", "icepack", "icetime");

    private final CliContext context;

    @Mixin
    HdlDesignOptions designOptions;

    @Option(names = "--device", defaultValue = "up5k", paramLabel = "PART",
            description = "up5k (iCEBreaker: SG48, DSPs) or hx8k (HX8K breakout: CT256, no DSPs); default up5k.")
    String device;

    @Option(names = "--clock-mhz", defaultValue = "12", paramLabel = "MHZ",
            description = "Clock constraint for place and route (default 12, the boards' oscillator).")
    double clockMegahertz;

    @Option(names = "--seed", defaultValue = "1", description = "nextpnr placement seed (default 1).")
    int seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for the Verilog, netlist, logs and bitstream (created).")
    Path out;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the result as JSON (- is stdout).")
    String json;

    // ---- board top levels: a PE array behind a UART, every pin on the board's constraint file ----
    @Option(names = "--board", paramLabel = "BOARD",
            description = "icebreaker (UP5K) or hx8k-breakout (HX8K): the PE array of --pe/--hw (default 2x2) "
                    + "behind a UART host link, every pin constrained by the board's pin file; sets the part. "
                    + "Run it with fpga-run; see docs/fpga.md.")
    String boardId;

    @Spec
    CommandSpec commandSpec;

    public FpgaCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Board boardTop = boardTop();
        Ice40Board board = Ice40Board.of(boardTop != null ? boardTop.device() : device).orElseThrow(() ->
                BadInputException.field(null, "--device", "'" + device + "'", "must be one of "
                        + String.join(", ", Ice40Board.devices())));
        if (!(clockMegahertz > 0 && clockMegahertz <= 1000)) {
            throw BadInputException.field(null, "--clock-mhz", clockMegahertz, "must be > 0 and <= 1000");
        }
        for (String tool : TOOLS) {
            if (!ToolRunner.available(tool)) {
                throw new BadInputException("fpga: " + tool + " is not on PATH; install the toolchain with "
                        + ToolRunner.INSTALL_HINT);
            }
        }
        EmittedDesign emitted = boardTop != null ? boardDesign(boardTop).top().emit(EmitOptions.synthesis())
                : VerilogEmitter.emit(fpgaDesign(), EmitOptions.synthesis());
        try {
            emitted.writeTo(out);
            Files.writeString(out.resolve("board.pcf"), boardTop != null ? boardTop.pcf() : board.pcf(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("--out: cannot write " + out + ": " + e.getMessage(), e);
        }
        SynthReport synth;
        PnrReport pnr;
        long bitstreamBytes;
        double icetimeMegahertz;
        try {
            synth = Yosys.synth(out, emitted.fileNames(), emitted.top(), board.flow(), "top.json",
                    Duration.ofMinutes(10));
            pnr = NextpnrIce40.placeAndRoute(out, "top.json", board.device(), board.pkg(), "board.pcf", "top.asc",
                    clockMegahertz, seed, Duration.ofMinutes(20), boardTop == null);
            bitstreamBytes = IceStorm.pack(out, "top.asc", "top.bin");
            icetimeMegahertz = IceStorm.timingMhz(out, board.device(), board.pkg(), "board.pcf", "top.asc");
        } catch (ToolException e) {
            // a design too large for the part, or too many pins for its package, ends here
            throw new BadInputException("fpga: " + emitted.top() + " on " + board.device() + ": " + firstLine(e)
                    + " (logs in " + out + ")", e);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("design", designOptions.design());
        result.put("top", emitted.top());
        if (boardTop != null) {
            result.put("board", boardTop.id());
            result.put("pinFile", boardTop.pcfName());
        }
        result.put("device", board.device());
        result.put("package", board.pkg());
        result.put("clockConstraintMegahertz", clockMegahertz);
        result.put("seed", seed);
        result.put("cells", synth.cellsByType());
        Map<String, Object> utilisation = new LinkedHashMap<>();
        for (String resource : pnr.used().keySet()) {
            utilisation.put(resource, Map.of("used", pnr.used(resource), "available", pnr.available(resource)));
        }
        result.put("utilization", utilisation);
        boolean interiorPaths = !Double.isNaN(pnr.worstFmaxMhz());
        result.put("fmaxMegahertz", interiorPaths ? pnr.worstFmaxMhz() : null);
        result.put("icetimeMegahertz", icetimeMegahertz);
        // with no register-to-register path nextpnr has no Fmax; icetime's worst pin-to-pin path decides
        result.put("meetsClock", (interiorPaths ? pnr.worstFmaxMhz() : icetimeMegahertz) >= clockMegahertz);
        result.put("bitstream", out.resolve("top.bin").toString());
        result.put("bitstreamBytes", bitstreamBytes);
        OutputTarget.write("--json", json, Json.write(result), context.out());
        if (json == null) {
            print(emitted.top(), board, synth, pnr, icetimeMegahertz, bitstreamBytes);
        }
        return 0;
    }

    private void print(String top, Ice40Board board, SynthReport synth, PnrReport pnr, double icetimeMegahertz,
                       long bitstreamBytes) {
        context.out().println(top + " on iCE40 " + board.device().toUpperCase(Locale.ROOT) + " (" + board.pkg()
                + "), " + synth.totalCells() + " cells after synthesis");
        TextTable table = new TextTable(List.of("resource", "used", "available", "percent"));
        for (String resource : pnr.used().keySet()) {
            int used = pnr.used(resource);
            int available = pnr.available(resource);
            if (used == 0) {
                continue;
            }
            table.row(List.of(resource, used, available,
                    String.format(Locale.ROOT, "%.1f", available == 0 ? 0.0 : 100.0 * used / available)));
        }
        context.out().print(table);
        String nextpnrFmax = Double.isNaN(pnr.worstFmaxMhz()) ? "none (no register-to-register path)"
                : String.format(Locale.ROOT, "%.1f MHz", pnr.worstFmaxMhz());
        context.out().printf(Locale.ROOT, "Fmax %s (nextpnr), %.1f MHz (icetime); constraint %.1f MHz%n",
                nextpnrFmax, icetimeMegahertz, clockMegahertz);
        context.out().println("bitstream " + out.resolve("top.bin") + " (" + bitstreamBytes + " bytes)");
    }

    /** The board of --board, or null; bad input when it has no PE array or contradicts --device. */
    private Board boardTop() {
        if (boardId == null) {
            return null;
        }
        Board b = Board.of(boardId).orElseThrow(() -> BadInputException.field(null, "--board", "'" + boardId + "'",
                "must be one of " + String.join(", ", Board.ids())));
        if (!designOptions.isPeArray()) {
            throw BadInputException.field(null, "--board", "'" + boardId + "'",
                    "needs --pe FAMILY or --hw SPEC|PRESET (the board top level runs a PE array)");
        }
        if (commandSpec.commandLine().getParseResult().hasMatchedOption("--device") && !device.equals(b.device())) {
            throw BadInputException.field(null, "--device", "'" + device + "'", "must be left out or be "
                    + b.device() + " with --board " + b.id());
        }
        return b;
    }

    /** The board top level for --pe/--hw, 2x2 unless --rows/--cols say otherwise (as fpga-run assumes). */
    private BoardDesign boardDesign(Board b) {
        PeRtlRegistry rtl = PeRtlRegistry.load();
        HdlDesignOptions options = designOptions.withDefaultArray(BoardDesigns.DEFAULT_ROWS, BoardDesigns.DEFAULT_COLS);
        HardwareSpec spec = options.peSpec(context, rtl);
        return BoardDesign.of(spec, rtl, options.peTile(spec, rtl), b, HostProtocol.clocksPerBit());
    }

    /**
     * The design to build; {@code ram} is 256 x 8 here (35 pins) rather than {@code verilog}'s 256 x 16, whose 51
     * pins exceed the 39 user I/O of the UP5K's SG48 package (Lattice iCE40 UltraPlus family data sheet); both are one SB_RAM40_4K.
     */
    private ModuleDef fpgaDesign() {
        if (!designOptions.isPeArray() && designOptions.design().equals("ram")) {
            return Ram.build(8, 8, ReadUnderWrite.UNDEFINED);
        }
        return designOptions.build(context, 1);
    }

    private static String firstLine(ToolException e) {
        String message = String.valueOf(e.getMessage());
        for (String line : message.lines().toList()) {
            if (line.contains("ERROR") || line.contains("rror:")) {
                return line.trim();
            }
        }
        return message.lines().findFirst().orElse(message);
    }
}
