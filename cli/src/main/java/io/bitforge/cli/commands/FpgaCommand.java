package io.bitforge.cli.commands;

import io.bitforge.cli.CliContext;
import io.bitforge.cli.hdl.BoardDesigns;
import io.bitforge.cli.hdl.HdlDesignOptions;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.verilog.area.AreaRow;
import io.bitforge.verilog.area.AreaTable;
import io.bitforge.verilog.area.GateWeights;
import io.bitforge.verilog.fpga.ClockTiming;
import io.bitforge.verilog.fpga.EstimateTarget;
import io.bitforge.verilog.fpga.FpgaEstimate;
import io.bitforge.verilog.fpga.FpgaFlow;
import io.bitforge.verilog.fpga.FpgaPart;
import io.bitforge.verilog.fpga.FpgaReport;
import io.bitforge.verilog.fpga.FpgaRunEstimate;
import io.bitforge.verilog.fpga.MaxArrayResult;
import io.bitforge.verilog.fpga.MaxArraySearch;
import io.bitforge.verilog.fpga.MultiplierMapping;
import io.bitforge.verilog.fpga.ReadoutTop;
import io.bitforge.verilog.fpga.ResourceUse;
import io.bitforge.verilog.board.Board;
import io.bitforge.verilog.board.BoardDesign;
import io.bitforge.verilog.board.HostProtocol;
import io.bitforge.verilog.gen.Ram;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.board.CoreClock;
import io.bitforge.verilog.ladder.PeDesign;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.estimate.DesignSize;
import io.bitforge.verilog.estimate.RunLimits;
import io.bitforge.verilog.estimate.ToolRunEstimate;
import io.bitforge.verilog.tools.ToolException;
import io.bitforge.verilog.tools.ToolRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** --target names an iCE40 part with this prefix (ice40-hx8k); ECP5 and Xilinx 7-series go bare. */
    private static final String TARGET_PREFIX = "ice40-";
    private static final List<String> TOOLS = List.of("yosys", "nextpnr-ice40", "icepack", "icetime");
    /** How a refused --max-array search can be made smaller. */
    private static final String MAX_ARRAY_SMALLER = "build one size with --rows/--cols instead of --max-array";

    private final CliContext context;

    @Mixin
    HdlDesignOptions designOptions;

    @Option(names = "--device", defaultValue = "up5k", paramLabel = "PART",
            description = "up5k (iCEBreaker: SG48, DSPs) or hx8k (HX8K breakout: CT256, no DSPs); default up5k; "
                    + "ecp5 or xc7 with --estimate-only.")
    String device;

    @Option(names = "--target", paramLabel = "TARGET",
            description = "Another spelling of --device: ice40-up5k, ice40-hx8k, ecp5 or xc7 (must agree with "
                    + "--device when both are given).")
    String target;

    @Option(names = "--clock-mhz", paramLabel = "MHZ",
            description = "Clock constraint for place and route. Default: 12, the boards' oscillator; for a bare "
                    + "--pe/--hw array and --max-array the core clock the family's board build runs on: 3 (12 / 4) "
                    + "for cells with 16-bit activations (mac-fp, shift-add W4A16, bit-serial FP16, ovp "
                    + "weight-only), else 12.")
    Double clockOption;

    /** --clock-mhz, or its default for the design ({@link #defaultClockMegahertz}). */
    private double clockMegahertz;

    @Option(names = "--seed", defaultValue = "1", description = "nextpnr placement seed (default 1).")
    int seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the Verilog, netlist, logs and bitstream (created; required except with "
                    + "--area-table).")
    Path out;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the result as JSON (- is stdout).")
    String json;

    // ---- multiplier mapping, largest-array search, estimates, area table ----
    @Option(names = "--multipliers", defaultValue = "auto", paramLabel = "MODE",
            description = "dsp (every multiplier on an SB_MAC16), logic (in logic cells) or auto (DSP blocks "
                    + "first, logic for the rest; default).")
    String multipliers;

    @Option(names = "--max-array", description = "Search the largest array of --pe/--hw that places and routes on "
            + "--device (estimate from Yosys counts, confirm with nextpnr around it); builds go under --out.")
    boolean maxArray;

    @Option(names = "--estimate-only", description = "Yosys resource estimate only (required for --device ecp5 or "
            + "xc7, which have no open place and route).")
    boolean estimateOnly;

    @Option(names = "--area-table", description = "Per PE family and preset precision: modelled cell area beside "
            + "the RTL cell's generic gate count (NAND2 equivalents), both as ratios to mac-int INT8; --pe limits it "
            + "to one family (and the reference).")
    boolean areaTable;

    // ---- board top levels: a PE array behind a UART, every pin on the board's constraint file ----
    @Option(names = "--board", paramLabel = "BOARD",
            description = "icebreaker (UP5K) or hx8k-breakout (HX8K): the PE array of --pe/--hw (default 2x2) "
                    + "behind a UART host link, every pin constrained by the board's pin file; sets the part. "
                    + "Run it with fpga-run; see docs/fpga.md.")
    String boardId;

    @Option(names = "--yes", description = "Run even when the tools are estimated to take more than a minute (it "
            + "is refused otherwise, with the estimate; --max-array is priced at every size it may try).")
    boolean yes;

    @Spec
    CommandSpec commandSpec;

    public FpgaCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // the tools take minutes: a result path that cannot be written is refused before they start
        OutputTarget.check("--json", json);
        if (areaTable) {
            return areaTable();
        }
        device = resolveDevice();
        if (out == null) {
            throw new BadInputException("fpga: --out DIR is required (the folder for the Verilog, logs and bitstream)");
        }
        MultiplierMapping mapping = MultiplierMapping.of(multipliers).orElseThrow(() -> BadInputException.field(null,
                "--multipliers", "'" + multipliers + "'", "must be one of " + String.join(", ",
                        MultiplierMapping.ids())));
        if (EstimateTarget.of(device).isPresent() || estimateOnly) {
            return estimate(mapping);
        }
        Board boardTop = boardTop();
        FpgaPart part = boardTop != null ? boardTop.part() : FpgaPart.of(device).orElseThrow(() ->
                BadInputException.field(null, "--device", "'" + device + "'", "must be one of "
                        + String.join(", ", allDevices())));
        if (mapping == MultiplierMapping.DSP && part.dspBlocks() == 0) {
            throw BadInputException.field(null, "--multipliers", "dsp", "the " + part.device()
                    + " has no DSP blocks; use logic or auto");
        }
        if (clockOption != null && !(clockOption > 0 && clockOption <= 1000)) {
            throw BadInputException.field(null, "--clock-mhz", clockOption, "must be > 0 and <= 1000");
        }
        clockMegahertz = clockOption != null ? clockOption : defaultClockMegahertz(boardTop == null);
        for (String tool : TOOLS) {
            if (!ToolRunner.available(tool)) {
                throw new BadInputException("fpga: " + tool + " is not on PATH; install the toolchain with "
                        + ToolRunner.INSTALL_HINT);
            }
        }
        if (maxArray) {
            if (boardTop != null) {
                throw new BadInputException("fpga: --max-array searches the bare array; drop --board");
            }
            return maxArray(new FpgaFlow.Settings(part, mapping, clockMegahertz, seed, part.clockOnlyPcf()));
        }
        BoardDesign boardDesign = boardTop != null ? boardDesign(boardTop) : null;
        if (boardDesign != null && boardDesign.top().clock().divided() && clockMegahertz != 12) {
            throw BadInputException.field(null, "--clock-mhz", clockMegahertz, "must be left at the board's 12 "
                    + "with --board and a family on a divided core clock");
        }
        ModuleDef bare = boardDesign == null ? design() : null;
        DesignSize size = boardDesign != null ? DesignSize.of(boardDesign.top().core()) : DesignSize.of(bare);
        enforce(FpgaRunEstimate.build(size, part), "--rows/--cols, a smaller --pe/--hw precision");
        FpgaFlow.Settings settings = boardDesign != null
                ? new FpgaFlow.Settings(part, mapping, clockMegahertz, seed, boardDesign.top().pcf(), false,
                        boardDesign.top().clock().dividedClock())
                : new FpgaFlow.Settings(part, mapping, clockMegahertz, seed, part.clockOnlyPcf());
        EmittedDesign emitted = boardDesign != null ? emitBoard(boardDesign) : emit(bare);
        FpgaReport report;
        try {
            report = FpgaFlow.build(out, emitted.fileNames(), emitted.top(), designOptions.design(), settings);
        } catch (ToolException e) {
            // a design too large for the part, or too many pins for its package, ends here
            throw new BadInputException("fpga: " + emitted.top() + " on " + part.device() + ": " + firstLine(e)
                    + " (logs in " + out + ")", e);
        }
        Map<String, Object> result = report.toMap();
        if (boardTop != null) {
            result.put("board", boardTop.id());
            result.put("pinFile", boardTop.pcfName());
        }
        OutputTarget.write("--json", json, Json.write(result), context.out());
        if (json == null) {
            print(report);
            if (boardDesign != null && boardDesign.top().clock().divided()) {
                context.out().printf(Locale.ROOT, "core (controller, array, UART) on a divided clock: %.1f MHz / %d "
                        + "= %.1f MHz, constrained for nextpnr in the pin file; cycle counts are core cycles%n",
                        clockMegahertz, boardDesign.top().clock().divider(),
                        boardDesign.top().clock().megahertz(clockMegahertz));
            }
        }
        return 0;
    }

    /**
     * The board oscillator's 12 MHz, except for a bare PE array (no --board): the core clock its board build
     * divides down to ({@link CoreClock#defaultConstraintMegahertz}).
     */
    private double defaultClockMegahertz(boolean bare) {
        if (!bare || !designOptions.isPeArray()) {
            return CoreClock.boardMegahertz();
        }
        PeRtlRegistry rtl = PeRtlRegistry.load();
        HardwareSpec spec = designOptions.withDefaultArray(1, 1).peSpec(context, rtl);
        return CoreClock.defaultConstraintMegahertz(PeDesign.forSpec(spec, rtl));
    }

    /**
     * The part named by --device or its other spelling --target ({@code ice40-up5k}, {@code ice40-hx8k}, {@code
     * ecp5}, {@code xc7}); bad input when --target is unknown or disagrees with an explicit --device.
     */
    private String resolveDevice() {
        if (target == null) {
            return device;
        }
        String fromTarget = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        boolean known = (target.startsWith(TARGET_PREFIX) && FpgaPart.of(fromTarget).isPresent())
                || (!target.startsWith(TARGET_PREFIX) && EstimateTarget.of(fromTarget).isPresent());
        if (!known) {
            throw BadInputException.field(null, "--target", "'" + target + "'", "must be one of "
                    + String.join(", ", targets()));
        }
        if (commandSpec.commandLine().getParseResult().hasMatchedOption("--device") && !device.equals(fromTarget)) {
            throw BadInputException.field(null, "--target", "'" + target + "'", "names another part than --device "
                    + device + "; give one of them");
        }
        return fromTarget;
    }

    private boolean deviceGiven() {
        return target != null || commandSpec.commandLine().getParseResult().hasMatchedOption("--device");
    }

    private static List<String> targets() {
        List<String> all = new java.util.ArrayList<>();
        FpgaPart.devices().forEach(d -> all.add(TARGET_PREFIX + d));
        all.addAll(EstimateTarget.ids());
        return all;
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
        if (deviceGiven() && !device.equals(b.device())) {
            String option = target != null ? "--target" : "--device";
            String given = target != null ? target : device;
            throw BadInputException.field(null, option, "'" + given + "'", "must be left out or be "
                    + (target != null ? TARGET_PREFIX : "") + b.device() + " with --board " + b.id());
        }
        return b;
    }

    /** The board top level for --pe/--hw, 2x2 unless --rows/--cols say otherwise (as fpga-run assumes), in --out. */
    private BoardDesign boardDesign(Board b) {
        PeRtlRegistry rtl = PeRtlRegistry.load();
        HdlDesignOptions options = designOptions.withDefaultArray(BoardDesigns.DEFAULT_ROWS, BoardDesigns.DEFAULT_COLS);
        HardwareSpec spec = options.peSpec(context, rtl);
        return BoardDesign.of(spec, rtl, options.peTile(spec, rtl), b, HostProtocol.clocksPerBit());
    }

    private EmittedDesign emitBoard(BoardDesign design) {
        EmittedDesign emitted = design.top().emit(EmitOptions.synthesis());
        try {
            emitted.writeTo(out);
        } catch (IOException e) {
            throw new BadInputException("--out: cannot write " + out + ": " + e.getMessage(), e);
        }
        return emitted;
    }

    /**
     * The design, written to --out; a PE array goes behind the pin-light byte read-out top level. {@code ram} is
     * 256 x 8 here (35 pins) rather than {@code verilog}'s 256 x 16, whose 51 pins exceed the 39 user I/O of the
     * UP5K's SG48 package (Lattice iCE40 UltraPlus family data sheet); both are one SB_RAM40_4K.
     */
    private ModuleDef design() {
        ModuleDef top = !designOptions.isPeArray() && designOptions.design().equals("ram")
                ? Ram.build(8, 8, ReadUnderWrite.UNDEFINED) : designOptions.build(context, 1);
        return designOptions.isPeArray() ? ReadoutTop.build(top) : top;
    }

    /** Refuses a run estimated past the limit unless --yes; with --yes says the estimate first. */
    private void enforce(ToolRunEstimate estimate, String smaller) {
        RunLimits.standard().enforce("fpga", estimate, yes, smaller)
                .ifPresent(notice -> context.err().println("bitforge: " + notice));
    }

    private EmittedDesign emit(ModuleDef top) {
        EmittedDesign emitted = VerilogEmitter.emit(top, EmitOptions.synthesis());
        try {
            emitted.writeTo(out);
        } catch (IOException e) {
            throw new BadInputException("--out: cannot write " + out + ": " + e.getMessage(), e);
        }
        return emitted;
    }

    private int estimate(MultiplierMapping mapping) {
        EstimateTarget target = EstimateTarget.of(device).orElseThrow(() -> BadInputException.field(null,
                "--device", "'" + device + "'", "--estimate-only needs one of " + String.join(", ",
                        EstimateTarget.ids())));
        if (!estimateOnly) {
            throw BadInputException.field(null, "--device", device, "has no open place and route; add "
                    + "--estimate-only for a Yosys resource estimate");
        }
        if (maxArray) {
            throw new BadInputException("fpga: --max-array places and routes, so it needs --device "
                    + String.join(" or ", FpgaPart.devices()) + ", not " + device);
        }
        if (!ToolRunner.available("yosys")) {
            throw new BadInputException("fpga: yosys is not on PATH; install the toolchain with "
                    + ToolRunner.INSTALL_HINT);
        }
        ModuleDef top = design();
        enforce(FpgaRunEstimate.synthesis(DesignSize.of(top)), "--rows/--cols, a smaller --pe/--hw precision");
        EmittedDesign emitted = emit(top);
        FpgaEstimate estimate;
        try {
            estimate = FpgaEstimate.build(out, emitted.fileNames(), emitted.top(), designOptions.design(), target);
        } catch (ToolException e) {
            throw new BadInputException("fpga: " + emitted.top() + " for " + device + ": " + firstLine(e)
                    + " (logs in " + out + ")", e);
        }
        OutputTarget.write("--json", json, Json.write(estimate.toMap()), context.out());
        if (json == null) {
            context.out().println(emitted.top() + " for " + target.id() + ": Yosys resource ESTIMATE (not placed "
                    + "or routed; no Fmax), utilisation against the " + target.referencePart());
            TextTable table = new TextTable(List.of("resource", "used", "available", "percent"));
            row(table, "LUTs", estimate.luts());
            row(table, "flip-flops", estimate.flipFlops());
            row(table, "DSP blocks", estimate.dspBlocks());
            row(table, "block RAMs", estimate.blockRams());
            context.out().print(table);
        }
        return 0;
    }

    private int maxArray(FpgaFlow.Settings settings) {
        if (!designOptions.isPeArray()) {
            throw new BadInputException("fpga: --max-array needs --pe FAMILY or --hw SPEC|PRESET");
        }
        if (designOptions.resized()) {
            throw new BadInputException("fpga: --max-array chooses the rows and columns; drop --rows/--cols");
        }
        PeRtlRegistry rtl = PeRtlRegistry.load();
        // the search sizes the array itself, so a preset's own array (e.g. 64x64) is not checked against --rows
        HardwareSpec spec = designOptions.withDefaultArray(1, 1).peSpec(context, rtl);
        enforce(MaxArraySearch.estimateStepWork(spec, rtl, settings), MAX_ARRAY_SMALLER);
        MaxArrayResult result;
        try {
            result = MaxArraySearch.search(spec, rtl, settings, out, line -> context.err().println("fpga: " + line),
                    rest -> enforce(rest, MAX_ARRAY_SMALLER));
        } catch (ToolException e) {
            throw new BadInputException("fpga: --max-array for " + spec.pe().family() + ": " + firstLine(e)
                    + " (logs in " + out + ")", e);
        }
        String text = Json.write(result.toMap());
        try {
            Files.writeString(out.resolve("max-array.json"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("--out: cannot write " + out + ": " + e.getMessage(), e);
        }
        OutputTarget.write("--json", json, text, context.out());
        if (json == null) {
            FpgaReport best = result.best();
            if (best == null) {
                String why = result.attempts().stream().filter(a -> a.placed() && !a.fits() && a.reason() != null)
                        .map(a -> a.rows() + "x" + a.cols() + ": " + a.reason()).findFirst().orElse("");
                context.out().println("no " + result.family() + " array fits the " + settings.part().device()
                        + (why.isEmpty() ? "" : " (" + why + ")"));
            } else {
                context.out().printf(Locale.ROOT, "largest %s %s array on the %s (multipliers %s): %dx%d, %d/%d "
                                + "logic cells (%.1f%%), %d/%d DSP, %d/%d RAM, Fmax %.1f MHz (nextpnr), %.1f MHz "
                                + "(icetime)%n", result.family(), result.mode(), settings.part().device(),
                        settings.multipliers().id(), result.rows(), result.cols(), best.logicCells().used(),
                        best.logicCells().available(), best.logicCells().percent(), best.dspBlocks().used(),
                        best.dspBlocks().available(), best.blockRams().used(), best.blockRams().available(),
                        best.coreFmaxMegahertz(), best.icetimeMegahertz());
            }
        }
        return 0;
    }

    private int areaTable() {
        if (!ToolRunner.available("yosys")) {
            throw new BadInputException("fpga: yosys is not on PATH; install the toolchain with "
                    + ToolRunner.INSTALL_HINT);
        }
        PeRtlRegistry rtl = PeRtlRegistry.load();
        List<String> families = designOptions.pe() == null ? List.of() : List.of(designOptions.pe());
        if (designOptions.pe() != null && rtl.find(designOptions.pe()).isEmpty()) {
            throw BadInputException.field(null, "--pe", designOptions.pe(), "must be a family with RTL: "
                    + String.join(", ", rtl.families()));
        }
        Path dir = out;
        AreaTable table;
        try {
            dir = out != null ? out : ToolRunner.temporaryFolder("bitforge-area");
            table = AreaTable.build(context.registry(), rtl, families, dir, note -> context.err().println("fpga: "
                    + note));
        } catch (IOException e) {
            throw new BadInputException("--out: cannot write " + dir + ": " + e.getMessage(), e);
        } catch (ToolException e) {
            throw new BadInputException("fpga: --area-table: " + firstLine(e) + " (logs in " + dir + ")", e);
        }
        OutputTarget.write("--json", json, Json.write(table.toMap()), context.out());
        if (json == null) {
            context.out().println("PE cell area: modelled (cost model, scaled to " + table.referenceNode()
                    + ") and synthesised (Yosys generic gates, NAND2 equivalents; flip-flops at "
                    + String.format(Locale.ROOT, "%.2f", GateWeights.FLIP_FLOP) + " each); ratios to mac-int INT8");
            TextTable t = new TextTable(List.of("family", "precision", "modelled um2", "node", "source",
                    "gates NAND2", "flip-flops", "modelled ratio", "gate ratio"));
            for (AreaRow r : table.rows()) {
                t.row(List.of(r.family(), r.precision(), String.format(Locale.ROOT, "%.1f",
                                r.modelledSquareMicrometres()), r.modelledNode(),
                        (r.sources().isEmpty() ? "-" : r.sources().get(0).id())
                                + (r.modelledIsEstimate() ? " (estimate)" : ""),
                        String.format(Locale.ROOT, "%.0f", r.gates().totalNand2Equivalents()), r.gates().flipFlops(),
                        String.format(Locale.ROOT, "%.2f", r.modelledRatio()),
                        String.format(Locale.ROOT, "%.2f", r.gateRatio())));
            }
            context.out().print(t);
        }
        return 0;
    }

    private static void row(TextTable table, String name, ResourceUse use) {
        table.row(List.of(name, use.used(), use.available(), String.format(Locale.ROOT, "%.1f", use.percent())));
    }

    private static List<String> allDevices() {
        List<String> all = new java.util.ArrayList<>(FpgaPart.devices());
        EstimateTarget.ids().forEach(id -> all.add(id + " (--estimate-only)"));
        return all;
    }

    private void print(FpgaReport r) {
        context.out().println(r.top() + " on iCE40 " + r.part().device().toUpperCase(Locale.ROOT) + " ("
                + r.part().pkg() + "), multipliers " + r.mapping().id() + " (" + r.multipliers() + " in the design, "
                + r.logicMultipliers() + " in logic), " + r.flipFlops() + " flip-flops after synthesis");
        TextTable table = new TextTable(List.of("resource", "used", "available", "percent"));
        row(table, "logic cells", r.logicCells());
        row(table, "DSP blocks", r.dspBlocks());
        row(table, "block RAMs", r.blockRams());
        row(table, "I/O", r.io());
        context.out().print(table);
        if (r.clocks().isEmpty()) {
            context.out().printf(Locale.ROOT, "Fmax none (nextpnr: no register-to-register path), %.1f MHz "
                    + "(icetime); constraint %.1f MHz (%s)%n", r.icetimeMegahertz(), r.clockMegahertz(),
                    r.meetsClock() ? "met" : "NOT met");
        } else {
            TextTable clocks = new TextTable(List.of("clock", "runs", "target MHz", "nextpnr MHz", "icetime MHz",
                    "meets"));
            for (ClockTiming c : r.clocks()) {
                clocks.row(List.of(c.name(), c.role().id(), String.format(Locale.ROOT, "%.1f", c.targetMegahertz()),
                        String.format(Locale.ROOT, "%.1f", c.nextpnrMegahertz()),
                        Double.isNaN(c.icetimeMegahertz()) ? "-"
                                : String.format(Locale.ROOT, "%.1f", c.icetimeMegahertz()),
                        c.meets() ? "yes" : "NO"));
            }
            context.out().print(clocks);
            context.out().println("timing " + (r.meetsClock() ? "met" : "NOT met") + " (icetime knows no clock "
                    + "domains: its worst path is held to the core clock)");
        }
        context.out().println("bitstream " + r.bitstream() + " (" + r.bitstreamBytes() + " bytes); report "
                + out.resolve(FpgaFlow.REPORT_FILE));
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
