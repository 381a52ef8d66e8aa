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
import picocli.CommandLine.Option;

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

    @Option(names = "--rows", defaultValue = "4", description = "Systolic array rows (1..32, default 4).")
    int rows;

    @Option(names = "--cols", defaultValue = "4", description = "Systolic array columns (1..32, default 4).")
    int cols;

    @Option(names = "--data-bits", defaultValue = "8", description = "Operand width of the array (default 8).")
    int dataBits;

    @Option(names = "--acc-bits", defaultValue = "32", description = "Accumulator width of the array (default 32).")
    int accBits;

    @Option(names = "--no-wrapper", description = "The bare array without the byte-serial FPGA top level.")
    boolean noWrapper;

    public String design() {
        return design;
    }

    public boolean isSystolic() {
        return design.equals("systolic");
    }

    public boolean wrapped() {
        return isSystolic() && !noWrapper;
    }

    /** The array's parameters, checked (only for {@code systolic}). */
    public SystolicArray.Params arrayParams() {
        check("--rows", rows, 1, 32);
        check("--cols", cols, 1, 32);
        check("--data-bits", dataBits, 2, 32);
        check("--acc-bits", accBits, 2 * dataBits, 64);
        return new SystolicArray.Params(rows, cols, dataBits, accBits);
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
