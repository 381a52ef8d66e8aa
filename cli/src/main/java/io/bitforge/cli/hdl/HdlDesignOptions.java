package io.bitforge.cli.hdl;

import io.bitforge.core.io.BadInputException;
import io.bitforge.verilog.gen.Counter;
import io.bitforge.verilog.gen.Fifo;
import io.bitforge.verilog.gen.Mac16;
import io.bitforge.verilog.gen.Ram;
import io.bitforge.verilog.gen.SystolicArray;
import io.bitforge.verilog.gen.SystolicWrapper;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.array.TileShape;
import io.bitforge.cli.CliContext;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.verilog.ladder.PeDesign;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlRegistry;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The generated designs {@code verilog}, {@code cosim} and {@code fpga} share, chosen on the command line: the
 * output-stationary systolic array (bare, or behind the byte-serial FPGA wrapper) and the small building blocks.
 */
public final class HdlDesignOptions {
    public static final List<String> DESIGNS = List.of("systolic", "mac16", "counter", "fifo", "ram");

    @Option(names = "--design", defaultValue = "systolic", paramLabel = "NAME",
            description = "systolic (array behind a byte-serial FPGA wrapper), mac16, counter, fifo or ram "
                    + "(default systolic)")
    String design;

    @Option(names = "--rows", paramLabel = "R",
            description = "Array rows (1..32; default 4, or the spec's rows with --hw).")
    Integer rows;

    @Option(names = "--cols", paramLabel = "C",
            description = "Array columns (1..32; default 4, or the spec's columns with --hw).")
    Integer cols;

    @Option(names = "--pe", paramLabel = "FAMILY",
            description = "A PE family's array (its RTL, controller and buffers) instead of --design; see docs/rtl.md.")
    String pe;

    @Option(names = "--hw", paramLabel = "SPEC|PRESET",
            description = "The design a hardware spec describes (PE family, parameters, array, dataflow).")
    String hw;

    @Option(names = "--m", paramLabel = "M", description = "Tile rows of A and C for --pe/--hw (1..4096).")
    Integer m;

    @Option(names = "--k", paramLabel = "K", description = "Tile reduction depth for --pe/--hw; for the systolic "
            + "design the GEMM's K in cosim (1..4096).")
    Integer k;

    @Option(names = "--n", paramLabel = "N", description = "Tile columns of B and C for --pe/--hw (1..4096).")
    Integer n;

    @Option(names = "--data-bits", defaultValue = "8", description = "Operand width of the array (default 8).")
    int dataBits;

    @Option(names = "--acc-bits", defaultValue = "32", description = "Accumulator width of the systolic design (2 x --data-bits..128; default 32).")
    int accBits;

    @Option(names = "--no-wrapper", description = "The bare array without the byte-serial FPGA top level.")
    boolean noWrapper;

    public String design() {
        return isPeArray() ? (hw != null ? "hw:" + hw : "pe:" + pe) : design;
    }

    public boolean isSystolic() {
        return !isPeArray() && design.equals("systolic");
    }

    /** A PE family's array ({@code --pe} or {@code --hw}) rather than one of the fixed designs. */
    public boolean isPeArray() {
        return pe != null || hw != null;
    }

    public String pe() {
        return pe;
    }

    public String hw() {
        return hw;
    }

    /** The tile for --pe/--hw: null when none of --m/--k/--n is given (the design's default tile). */
    public TileShape tile(int defaultM, int defaultK, int defaultN) {
        if (m == null && k == null && n == null) {
            return null;
        }
        return new TileShape(dim("--m", m, defaultM), dim("--k", k, defaultK), dim("--n", n, defaultN));
    }

    /** The systolic design's GEMM depth in cosim: --k, default 16. */
    public int systolicK() {
        return k == null ? 16 : k;
    }

    /** Rows and columns asked for, or {@code fallback} (checked 1..32). */
    public int rows(int fallback) {
        int r = rows == null ? fallback : rows;
        check("--rows", r, 1, 32);
        return r;
    }

    public int cols(int fallback) {
        int c = cols == null ? fallback : cols;
        check("--cols", c, 1, 32);
        return c;
    }

    /** Whether --rows or --cols was given. */
    public boolean resized() {
        return rows != null || cols != null;
    }

    private static int dim(String option, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        check(option, v, 1, 4096);
        return v;
    }

    public boolean wrapped() {
        return isSystolic() && !noWrapper;
    }

    /** The array's parameters, checked (only for {@code systolic}). */
    public SystolicArray.Params arrayParams() {
        int r = rows(4);
        int c = cols(4);
        check("--data-bits", dataBits, 2, 32);
        check("--acc-bits", accBits, 2 * dataBits, SystolicArray.Params.MAX_ACC_BITS);
        return new SystolicArray.Params(r, c, dataBits, accBits);
    }

    /**
     * Builds the chosen design; with --pe/--hw the PE array the spec describes (--pe alone: the family's first
     * preset, 4x4 unless --rows/--cols say otherwise), its operand buffers holding a tile of codes seeded with
     * {@code seed}.
     */
    public ModuleDef build(CliContext context, long seed) {
        if (!isPeArray()) {
            return build();
        }
        PeRtlRegistry rtl = PeRtlRegistry.load();
        HardwareSpec spec = peSpec(context, rtl);
        return PeDesign.of(spec, rtl, peTile(spec, rtl), seed).top();
    }

    /**
     * The spec --pe/--hw describe (--pe alone: the family's first preset, 4x4 unless --rows/--cols say otherwise),
     * with parameters that have RTL (a stand-in is noted on stderr).
     */
    public HardwareSpec peSpec(CliContext context, PeRtlRegistry rtl) {
        List<HardwareSpec> specs = PeSpecOptions.specs(this, context.registry(), rtl, hw == null);
        if (hw == null) {
            // --pe alone: the family's first precision mode that has RTL (presets without RTL are passed over)
            for (HardwareSpec spec : specs) {
                List<String> notes = new ArrayList<>();
                HardwareSpec withRtl = PeDesign.withRtlParams(spec, rtl, notes::add);
                try {
                    PeDesign.forSpec(withRtl, rtl);
                } catch (BadInputException e) {
                    continue;
                }
                notes.forEach(note -> context.err().println("bitforge: " + note));
                return withRtl;
            }
        }
        return PeDesign.withRtlParams(specs.get(0), rtl, note -> context.err().println("bitforge: " + note));
    }

    /** The tile --m/--k/--n give for the spec's array, or null for the design's default tile. */
    public TileShape peTile(HardwareSpec spec, PeRtlRegistry rtl) {
        PeRtl peRtl = PeDesign.forSpec(spec, rtl);
        return tile(spec.array().rows() * peRtl.timing().lanesM(), 4 * peRtl.timing().lanesK(),
                spec.array().cols() * peRtl.timing().lanesN());
    }

    /** These options with {@code rows} x {@code cols} where --rows/--cols were not given. */
    public HdlDesignOptions withDefaultArray(int defaultRows, int defaultCols) {
        HdlDesignOptions o = forPeArray(pe, hw, rows == null ? defaultRows : rows, cols == null ? defaultCols : cols,
                m, k, n);
        o.design = design;
        o.dataBits = dataBits;
        o.accBits = accBits;
        o.noWrapper = noWrapper;
        return o;
    }

    /** Options naming only a PE array and its tile, for commands that take no other design. */
    public static HdlDesignOptions forPeArray(String pe, String hw, Integer rows, Integer cols, Integer m, Integer k,
                                              Integer n) {
        HdlDesignOptions o = new HdlDesignOptions();
        o.design = "systolic";
        o.pe = pe;
        o.hw = hw;
        o.rows = rows;
        o.cols = cols;
        o.m = m;
        o.k = k;
        o.n = n;
        return o;
    }

    /** Builds the chosen design; bad option values are bad input. */
    public ModuleDef build() {
        switch (design) {
            case "systolic": {
                SystolicArray.Params p = arrayParams();
                if (noWrapper) {
                    return SystolicArray.build(p);
                }
                if (dataBits != 8) {
                    throw BadInputException.field(null, "--data-bits", dataBits,
                            "the byte-serial wrapper needs 8 (or add --no-wrapper)");
                }
                return SystolicWrapper.build(p);
            }
            case "mac16":
                return Mac16.build();
            case "counter":
                return Counter.build(8);
            case "fifo":
                return Fifo.build(8, 16);
            case "ram":
                return Ram.build(8, 16, ReadUnderWrite.UNDEFINED);
            default:
                throw BadInputException.field(null, "--design", "'" + design + "'",
                        "must be one of " + String.join(", ", DESIGNS));
        }
    }

    private static void check(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw BadInputException.field(null, option, value, "must be " + min + ".." + max);
        }
    }
}
