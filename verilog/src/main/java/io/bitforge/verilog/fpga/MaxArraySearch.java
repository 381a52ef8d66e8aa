package io.bitforge.verilog.fpga;

import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.estimate.DesignSize;
import io.bitforge.verilog.estimate.ToolRunEstimate;
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
 * that side does it run the full flow, narrowing a bracket (largest side known to fit, smallest known not to): each
 * build's logic-cell count from nextpnr (logged even when placement fails) rescales the estimate for the next side
 * (at most {@link #MAX_BUILDS} square builds); then rectangles with more PEs than the largest square and fewer
 * than the smallest that failed ({@link #rectangles}), until one does not fit.
 * Every build keeps its folder ({@code RxC/}) with its {@code fpga-report.json} and logs.
 */
public final class MaxArraySearch {
    /** Square place-and-route runs at most, so that a search ends in minutes. */
    public static final int MAX_BUILDS = 6;
    /** The largest side tried (the array options' bound). */
    public static final int MAX_SIDE = 32;

    private static final java.util.regex.Pattern LOGGED_LC =
            java.util.regex.Pattern.compile("ICESTORM_LC:\\s+(\\d+)\\s*/\\s*(\\d+)");

    private final HardwareSpec spec;
    private final PeRtlRegistry rtl;
    private final FpgaFlow.Settings settings;
    private final Path dir;
    private final Consumer<String> progress;
    private final List<ArrayAttempt> attempts = new ArrayList<>();
    private double fixedCells;
    private double cellsPerPe;
    private double fixedBrams;
    private double bramsPerPe;
    private double dspsPerPe;

    private final Consumer<ToolRunEstimate> gate;

    private MaxArraySearch(HardwareSpec spec, PeRtlRegistry rtl, FpgaFlow.Settings settings, Path dir,
                           Consumer<String> progress, Consumer<ToolRunEstimate> gate) {
        this.spec = spec;
        this.rtl = rtl;
        this.settings = settings;
        this.dir = dir;
        this.progress = progress;
        this.gate = gate;
    }

    /**
     * Searches for {@code spec}'s family at the spec's parameters on {@code settings.part()}; builds go under
     * {@code dir}; {@code progress} receives one line per step.
     */
    public static MaxArrayResult search(HardwareSpec spec, PeRtlRegistry rtl, FpgaFlow.Settings settings, Path dir,
                                        Consumer<String> progress) {
        return search(spec, rtl, settings, dir, progress, estimate -> { });
    }

    /**
     * As {@link #search(HardwareSpec, PeRtlRegistry, FpgaFlow.Settings, Path, Consumer)}, but once the estimate step
     * has fixed the side to start from, {@code gate} is shown the worst case of the rest ({@link #remainingWork})
     * before any place and route starts; it may throw to stop the search there.
     */
    public static MaxArrayResult search(HardwareSpec spec, PeRtlRegistry rtl, FpgaFlow.Settings settings, Path dir,
                                        Consumer<String> progress, Consumer<ToolRunEstimate> gate) {
        return new MaxArraySearch(spec, rtl, settings, dir, progress, gate).run();
    }

    /**
     * What the estimate step will cost before it starts: Yosys on the two small square arrays it synthesises (1x1
     * and 2x2, or 3x3 and 4x4 with {@code auto} multipliers on a part with DSP blocks).
     */
    public static ToolRunEstimate estimateStepWork(HardwareSpec spec, PeRtlRegistry rtl, FpgaFlow.Settings settings) {
        ArraySizes sizes = ArraySizes.of(spec, rtl);
        int small = estimateSmallSide(settings);
        return FpgaRunEstimate.synthesis(sizes.at(small, small))
                .plus(FpgaRunEstimate.synthesis(sizes.at(small + 1, small + 1)));
    }

    /**
     * The worst case of the search after its estimate step predicted {@code side}: the full flow at the {@link
     * #MAX_BUILDS} distinct sides nearest it up to {@code maxSide} (the bracket never builds a side twice; with
     * DSP-only multipliers it never goes past one side beyond the DSP blocks' limit), then the rectangles that the
     * largest of them could lead to ({@link #rectangles}). Every size it may try is priced as if it placed; a size
     * too large for the part fails in nextpnr sooner, so the real search takes less.
     */
    public static ToolRunEstimate remainingWork(HardwareSpec spec, PeRtlRegistry rtl, FpgaFlow.Settings settings,
                                                int side, int maxSide) {
        ArraySizes sizes = ArraySizes.of(spec, rtl);
        List<Integer> sides = nearestSides(side, MAX_BUILDS, maxSide);
        ToolRunEstimate total = ToolRunEstimate.NONE;
        for (int n : sides) {
            total = total.plus(FpgaRunEstimate.build(sizes.at(n, n), settings.part()));
        }
        int largest = sides.stream().mapToInt(Integer::intValue).max().orElse(1);
        for (int[] shape : rectangles(largest, largest + 1)) {
            total = total.plus(FpgaRunEstimate.build(sizes.at(shape[0], shape[1]), settings.part()));
        }
        return total;
    }

    /** Up to {@code count} distinct sides in 1..{@code maxSide}, nearest {@code side} first (ties: the larger). */
    static List<Integer> nearestSides(int side, int count, int maxSide) {
        List<Integer> sides = new ArrayList<>();
        int centre = Math.max(1, Math.min(maxSide, side));
        for (int d = 0; sides.size() < count && d <= maxSide; d++) {
            for (int n : new int[] {centre + d, centre - d}) {
                if (n >= 1 && n <= maxSide && !sides.contains(n) && sides.size() < count) {
                    sides.add(n);
                }
            }
        }
        return sides;
    }

    /**
     * A PE array's flattened size as {@code fixed + perPe·rows·cols}, from the 1x1 and 2x2 read-out designs (building
     * a 32x32 array just to price it would take seconds): the cells are nearly all of an array.
     */
    record ArraySizes(DesignSize one, DesignSize four) {
        static ArraySizes of(HardwareSpec spec, PeRtlRegistry rtl) {
            return new ArraySizes(measure(spec, rtl, 1, 1), measure(spec, rtl, 2, 2));
        }

        private static DesignSize measure(HardwareSpec spec, PeRtlRegistry rtl, int rows, int cols) {
            HardwareSpec sized = spec.withArray(new ArraySpec(rows, cols));
            return DesignSize.of(ReadoutTop.build(PeDesign.of(sized, rtl, null, 1).top()));
        }

        DesignSize at(int rows, int cols) {
            long pes = (long) rows * cols;
            return new DesignSize(scale(one.bitOps(), four.bitOps(), pes), scale(one.stateBits(), four.stateBits(),
                    pes));
        }

        private static long scale(long at1, long at4, long pes) {
            double perPe = Math.max(0, (at4 - at1) / 3.0);
            return Math.max(at1, Math.round(at1 + perPe * (pes - 1)));
        }
    }

    private static int estimateSmallSide(FpgaFlow.Settings settings) {
        // two sizes past the DSP budget where there is one, so the slope is that of PEs built in logic
        boolean budgeted = settings.multipliers() == MultiplierMapping.AUTO && settings.part().dspBlocks() > 0;
        return budgeted ? 3 : 1;
    }

    private MaxArrayResult run() {
        PeRtl pe = PeDesign.forSpec(spec, rtl);
        FpgaPart part = settings.part();
        int next = estimatedSide(part);
        gate.accept(remainingWork(spec, rtl, settings, next, largestTriedSide(part)));
        // lo fits (0: none known), hi does not (MAX_SIDE + 1: none known); each build narrows the bracket
        int lo = 0;
        int hi = MAX_SIDE + 1;
        Optional<FpgaReport> best = Optional.empty();
        for (int builds = 0; hi - lo > 1 && builds < MAX_BUILDS; builds++) {
            int n = Math.max(lo + 1, Math.min(hi - 1, next));
            Outcome o = build(n, n);
            if (o.report().isPresent()) {
                lo = n;
                best = o.report();
            } else {
                hi = n;
            }
            // nextpnr's logic-cell count, also printed when placement fails, recalibrates the estimate
            next = o.logicCells() > 0 ? calibratedSide(part, (double) o.logicCells() / estimate(n, n))
                    : o.report().isPresent() ? n + 1 : n - 1;
        }
        int rows = lo;
        int cols = lo;
        if (best.isPresent()) {
            // rectangles with more PEs than the largest square, fewest first, until one does not fit
            for (int[] shape : rectangles(lo, hi)) {
                Optional<FpgaReport> wider = build(shape[0], shape[1]).report();
                if (wider.isEmpty()) {
                    break;
                }
                if (shape[0] * shape[1] > rows * cols) { // on a tie of PEs the squarer shape, tried first, stays
                    best = wider;
                    rows = shape[0];
                    cols = shape[1];
                }
            }
        }
        return new MaxArrayResult(spec.pe().family(), pe.modeName(), part, settings.multipliers(), rows, cols,
                best.orElse(null), attempts);
    }

    /**
     * The rectangles tried after the squares, in order: {@code rows × cols} with rows the largest square's side
     * {@code fits} or one less, more columns than rows, and more PEs than {@code fits²} but fewer than the
     * smallest square known not to fit ({@code fails²}; {@code (fits + 1)²} when none is known), at most
     * {@link #MAX_SIDE} columns; by PE count, then the squarer shape first. A 1×1 fit gives 1×2, 1×3; 5×5 gives
     * 4×7, 5×6, 4×8, 5×7. Logic grows with the PE count, so the search stops at the first rectangle that fails.
     */
    static List<int[]> rectangles(int fits, int fails) {
        List<int[]> shapes = new ArrayList<>();
        if (fits < 1) {
            return shapes;
        }
        long limit = (long) Math.min(fails, fits + 1) * Math.min(fails, fits + 1);
        for (int rows = Math.max(1, fits - 1); rows <= fits; rows++) {
            for (int cols = rows + 1; cols <= MAX_SIDE && (long) rows * cols < limit; cols++) {
                if ((long) rows * cols > (long) fits * fits) {
                    shapes.add(new int[] {rows, cols});
                }
            }
        }
        shapes.sort(java.util.Comparator.<int[]>comparingInt(a -> a[0] * a[1]).thenComparingInt(a -> a[1] - a[0]));
        return shapes;
    }

    /**
     * The largest side whose logic cells (estimated, scaled by {@code factor}), block RAMs and, with DSP-only
     * multipliers, DSP blocks fit the part.
     */
    private int calibratedSide(FpgaPart part, double factor) {
        int side = 1;
        for (int n = 1; n <= MAX_SIDE; n++) {
            boolean dspsFit = settings.multipliers() != MultiplierMapping.DSP || n * n * dspsPerPe <= part.dspBlocks();
            if (factor * estimate(n, n) <= part.logicCells() && fixedBrams + bramsPerPe * n * n <= part.blockRams()
                    && dspsFit) {
                side = n;
            }
        }
        return side;
    }

    /** Synthesises two small arrays, fits the estimate's coefficients and returns the side it predicts. */
    private int estimatedSide(FpgaPart part) {
        int small = estimateSmallSide(settings);
        int large = small + 1;
        SynthReport a = synthOnly(small);
        SynthReport b = synthOnly(large);
        int pes = large * large - small * small;
        cellsPerPe = (double) (logicCells(b) - logicCells(a)) / pes;
        fixedCells = logicCells(a) - cellsPerPe * small * small;
        bramsPerPe = (double) (b.count("SB_RAM40_4K") - a.count("SB_RAM40_4K")) / pes;
        fixedBrams = a.count("SB_RAM40_4K") - bramsPerPe * small * small;
        dspsPerPe = (double) b.count("SB_MAC16") / (large * large);
        int side = calibratedSide(part, 1.0);
        progress.accept(String.format(Locale.ROOT, "estimate from %dx%d and %dx%d: %.0f + %.1f logic cells per PE "
                + "-> %dx%d", small, small, large, large, fixedCells, cellsPerPe, side, side));
        return side;
    }

    /**
     * The largest side a build may have: with DSP-only multipliers one past the largest whose DSP blocks fit (every
     * later side comes from {@link #calibratedSide}, which keeps within the DSP blocks, or is one past a fitting
     * side); otherwise {@link #MAX_SIDE}.
     */
    private int largestTriedSide(FpgaPart part) {
        if (settings.multipliers() != MultiplierMapping.DSP || dspsPerPe <= 0) {
            return MAX_SIDE;
        }
        int side = 0;
        while (side < MAX_SIDE && (side + 1) * (side + 1) * dspsPerPe <= part.dspBlocks()) {
            side++;
        }
        return Math.min(MAX_SIDE, side + 1);
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

    /** A build's report when it placed and routed, and nextpnr's logic-cell count (0 if it printed none). */
    private record Outcome(Optional<FpgaReport> report, int logicCells) {
    }

    /** The full flow at rows x cols. */
    private Outcome build(int rows, int cols) {
        Path folder = dir.resolve(rows + "x" + cols);
        EmittedDesign design = write(folder, rows, cols);
        try {
            FpgaReport r = FpgaFlow.build(folder, design.fileNames(), design.top(), spec.name() + " " + rows + "x"
                    + cols, settings);
            attempts.add(new ArrayAttempt(rows, cols, estimate(rows, cols), true, true, null));
            progress.accept(String.format(Locale.ROOT, "%dx%d fits: %d/%d logic cells, %.1f MHz", rows, cols,
                    r.logicCells().used(), r.logicCells().available(), r.coreFmaxMegahertz()));
            return new Outcome(Optional.of(r), r.logicCells().used());
        } catch (ToolException e) {
            String reason = loggedError(folder.resolve("nextpnr.log")).orElse(firstError(e.getMessage()));
            attempts.add(new ArrayAttempt(rows, cols, estimate(rows, cols), true, false, reason));
            progress.accept(rows + "x" + cols + " does not fit: " + reason);
            return new Outcome(Optional.empty(), loggedLogicCells(folder.resolve("nextpnr.log")));
        }
    }

    /**
     * nextpnr's first ERROR line in its log (the exception keeps only the last lines, which after a failed timing
     * check are the router's progress): e.g. a cell type that ran out, or a clock that missed its constraint.
     */
    static Optional<String> loggedError(Path log) {
        try {
            if (!java.nio.file.Files.isRegularFile(log)) {
                return Optional.empty();
            }
            return java.nio.file.Files.readString(log).lines().filter(l -> l.startsWith("ERROR:")).map(String::strip)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The "ICESTORM_LC: used/available" line nextpnr logs before placing; 0 when there is none. */
    static int loggedLogicCells(Path log) {
        try {
            if (!java.nio.file.Files.isRegularFile(log)) {
                return 0;
            }
            java.util.regex.Matcher m = LOGGED_LC.matcher(java.nio.file.Files.readString(log));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
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
