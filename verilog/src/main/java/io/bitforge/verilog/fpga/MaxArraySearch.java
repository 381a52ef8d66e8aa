package io.bitforge.verilog.fpga;

import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.ladder.PeDesign;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.tools.SynthReport;
import io.bitforge.verilog.tools.ToolException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the largest PE array of a spec's family that places and routes on an iCE40 part, behind the pin-light
 * {@link ReadoutTop}. Place and route is the slow step, so the search first estimates: it synthesises two small
 * square arrays, fits logic cells (Yosys LUT4s + flip-flops) and block RAMs as {@code fixed + perCell·rows·cols},
 * and takes the largest side whose estimates (and, with DSP-only multipliers, DSP blocks) fit the part. Only around
 * that side does it run the full flow: up one side while arrays fit, down one while they do not (at most
 * {@link #MAX_BUILDS} square builds), then one rectangle with a column more than the largest square. Every build
 * keeps its folder ({@code RxC/}) and {@code fpga-report.json}.
 */
public final class MaxArraySearch {
    /** Square place-and-route runs at most, so that a search ends in minutes. */
    public static final int MAX_BUILDS = 6;
    /** The largest side tried (the array options' bound). */
    public static final int MAX_SIDE = 32;

    private final HardwareSpec spec;
    private final PeRtlRegistry rtl;
    private final FpgaFlow.Settings settings;
    private final Path dir;
    private final Consumer<String> progress;
    private final List<ArrayAttempt> attempts = new ArrayList<>();
    private double fixedCells;
    private double cellsPerPe;

    private MaxArraySearch(HardwareSpec spec, PeRtlRegistry rtl, FpgaFlow.Settings settings, Path dir,
                           Consumer<String> progress) {
        this.spec = spec;
        this.rtl = rtl;
        this.settings = settings;
        this.dir = dir;
        this.progress = progress;
    }

    /**
     * Searches for {@code spec}'s family at the spec's parameters on {@code settings.part()}; builds go under
     * {@code dir}; {@code progress} receives one line per step.
     */
    public static MaxArrayResult search(HardwareSpec spec, PeRtlRegistry rtl, FpgaFlow.Settings settings, Path dir,
                                        Consumer<String> progress) {
        return new MaxArraySearch(spec, rtl, settings, dir, progress).run();
    }

    private MaxArrayResult run() {
        PeRtl pe = PeDesign.forSpec(spec, rtl);
        FpgaPart part = settings.part();
        int side = estimatedSide(part);
        int builds = 1;
        int bestSide = 0;
        Optional<FpgaReport> best = build(side, side);
        if (best.isPresent()) {
            bestSide = side;
            while (bestSide < MAX_SIDE && builds < MAX_BUILDS) {
                builds++;
                Optional<FpgaReport> next = build(bestSide + 1, bestSide + 1);
                if (next.isEmpty()) {
                    break;
                }
                best = next;
                bestSide++;
            }
        } else {
            for (int n = side - 1; n >= 1 && builds < MAX_BUILDS; n--) {
                builds++;
                best = build(n, n);
                if (best.isPresent()) {
                    bestSide = n;
                    break;
                }
            }
        }
        int cols = bestSide;
        if (best.isPresent() && bestSide < MAX_SIDE) {
            Optional<FpgaReport> wider = build(bestSide, bestSide + 1);
            if (wider.isPresent()) {
                best = wider;
                cols = bestSide + 1;
            }
        }
        return new MaxArrayResult(spec.pe().family(), pe.modeName(), part, settings.multipliers(), bestSide, cols,
                best.orElse(null), attempts);
    }

    /** The largest square side whose estimated logic cells, block RAMs and DSP blocks fit the part. */
    private int estimatedSide(FpgaPart part) {
        // two sizes past the DSP budget where there is one, so the slope is that of PEs built in logic
        boolean budgeted = settings.multipliers() == MultiplierMapping.AUTO && part.dspBlocks() > 0;
        int small = budgeted ? 3 : 1;
        int large = small + 1;
        SynthReport a = synthOnly(small);
        SynthReport b = synthOnly(large);
        int pes = large * large - small * small;
        cellsPerPe = (double) (logicCells(b) - logicCells(a)) / pes;
        fixedCells = logicCells(a) - cellsPerPe * small * small;
        double bramsPerPe = (double) (b.count("SB_RAM40_4K") - a.count("SB_RAM40_4K")) / pes;
        double fixedBrams = a.count("SB_RAM40_4K") - bramsPerPe * small * small;
        double dspsPerPe = (double) b.count("SB_MAC16") / (large * large);
        int side = 1;
        for (int n = 1; n <= MAX_SIDE; n++) {
            boolean dspsFit = settings.multipliers() != MultiplierMapping.DSP || n * n * dspsPerPe <= part.dspBlocks();
            if (estimate(n, n) <= part.logicCells() && fixedBrams + bramsPerPe * n * n <= part.blockRams()
                    && dspsFit) {
                side = n;
            }
        }
        progress.accept(String.format(Locale.ROOT, "estimate from %dx%d and %dx%d: %.0f + %.1f logic cells per PE "
                + "-> %dx%d", small, small, large, large, fixedCells, cellsPerPe, side, side));
        return side;
    }

    private int estimate(int rows, int cols) {
        return (int) Math.round(fixedCells + cellsPerPe * rows * cols);
    }

    private SynthReport synthOnly(int side) {
        Path folder = dir.resolve("estimate_" + side + "x" + side);
        EmittedDesign design = write(folder, side, side);
        return Ice40Synthesis.synthesise(folder, design.fileNames(), design.top(), settings.part(),
                settings.multipliers(), null, Duration.ofMinutes(20)).cells();
    }

    /** The full flow at rows x cols: the report when it placed and routed, empty when it did not fit. */
    private Optional<FpgaReport> build(int rows, int cols) {
        Path folder = dir.resolve(rows + "x" + cols);
        EmittedDesign design = write(folder, rows, cols);
        try {
            FpgaReport r = FpgaFlow.build(folder, design.fileNames(), design.top(), spec.name() + " " + rows + "x"
                    + cols, settings);
            attempts.add(new ArrayAttempt(rows, cols, estimate(rows, cols), true, true, null));
            progress.accept(String.format(Locale.ROOT, "%dx%d fits: %d/%d logic cells, %.1f MHz", rows, cols,
                    r.logicCells().used(), r.logicCells().available(), r.fmaxMegahertz()));
            return Optional.of(r);
        } catch (ToolException e) {
            String reason = firstError(e.getMessage());
            attempts.add(new ArrayAttempt(rows, cols, estimate(rows, cols), true, false, reason));
            progress.accept(rows + "x" + cols + " does not fit: " + reason);
            return Optional.empty();
        }
    }

    private EmittedDesign write(Path folder, int rows, int cols) {
        HardwareSpec sized = spec.withArray(new ArraySpec(rows, cols));
        ModuleDef top = ReadoutTop.build(PeDesign.of(sized, rtl, null, 1).top());
        EmittedDesign design = VerilogEmitter.emit(top, EmitOptions.synthesis());
        try {
            design.writeTo(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return design;
    }

    /** Yosys's LUT4s plus flip-flops: nextpnr packs a LUT and a flip-flop into one logic cell only sometimes. */
    static int logicCells(SynthReport r) {
        int ffs = r.cellsByType().entrySet().stream().filter(e -> e.getKey().startsWith("SB_DFF"))
                .mapToInt(java.util.Map.Entry::getValue).sum();
        return r.count("SB_LUT4") + ffs;
    }

    /** The tool's ERROR line (nextpnr: which cell type ran out), else its message's first line. */
    static String firstError(String message) {
        String text = String.valueOf(message);
        for (String part : text.split(" \\| |\n")) {
            if (part.contains("ERROR")) {
                return part.strip();
            }
        }
        return text.lines().findFirst().orElse(text);
    }
}
