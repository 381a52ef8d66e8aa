package io.bitforge.cli.commands;

import io.bitforge.cli.CliContext;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.cli.output.TextTable;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.gen.Counter;
import io.bitforge.verilog.gen.Fifo;
import io.bitforge.verilog.gen.Mac16;
import io.bitforge.verilog.gen.Ram;
import io.bitforge.verilog.gen.SystolicArray;
import io.bitforge.verilog.gen.SystolicWrapper;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bitforge verilog}: emits a generated design as Verilog-2005, one module per file. */
@Command(name = "verilog", mixinStandardHelpOptions = true,
        description = "Emit a generated design as Verilog-2005 files (one module per file).")
public final class VerilogCommand implements Callable<Integer> {
    private static final List<String> DESIGNS = List.of("systolic", "mac16", "counter", "fifo", "ram");

    private final CliContext context;

    @Option(names = "--design", required = true, paramLabel = "NAME",
            description = "systolic (array behind a byte-serial FPGA wrapper), mac16, counter, fifo or ram")
    String design;

    @Option(names = "--rows", defaultValue = "4", description = "Systolic array rows (1..32, default 4).")
    int rows;

    @Option(names = "--cols", defaultValue = "4", description = "Systolic array columns (1..32, default 4).")
    int cols;

    @Option(names = "--data-bits", defaultValue = "8", description = "Operand width of the array (default 8).")
    int dataBits;

    @Option(names = "--acc-bits", defaultValue = "32", description = "Accumulator width of the array (default 32).")
    int accBits;

    @Option(names = "--no-wrapper", description = "Emit the bare array without the byte-serial FPGA top level.")
    boolean noWrapper;

    @Option(names = "--synthesis", description = "FPGA build: no initial values that cost logic (see README).")
    boolean synthesis;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the .v files (created).")
    Path out;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the file list as JSON (- is stdout).")
    String json;

    public VerilogCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ModuleDef top = build();
        EmittedDesign emitted = VerilogEmitter.emit(top, synthesis ? EmitOptions.synthesis() : EmitOptions.simulation());
        try {
            emitted.writeTo(out);
        } catch (IOException e) {
            throw new BadInputException("--out: cannot write " + out + ": " + e.getMessage(), e);
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (Map.Entry<String, String> f : emitted.files().entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", out.resolve(f.getKey()).toString());
            row.put("module", f.getKey().substring(0, f.getKey().length() - 2));
            row.put("lines", f.getValue().lines().count());
            row.put("bytes", f.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            files.add(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("design", design);
        result.put("top", emitted.top());
        result.put("files", files);
        OutputTarget.write("--json", json, Json.write(result), context.out());
        if (json == null) {
            TextTable table = new TextTable(List.of("file", "module", "lines", "bytes"));
            for (Map<String, Object> row : files) {
                table.row(List.of(row.get("file"), row.get("module"), row.get("lines"), row.get("bytes")));
            }
            context.out().print(table);
            context.out().println("top module " + emitted.top() + ", " + files.size() + " files (children first)");
        }
        return 0;
    }

    private ModuleDef build() {
        switch (design) {
            case "systolic": {
                check("--rows", rows, 1, 32);
                check("--cols", cols, 1, 32);
                check("--data-bits", dataBits, 2, 32);
                check("--acc-bits", accBits, 2 * dataBits, 64);
                SystolicArray.Params p = new SystolicArray.Params(rows, cols, dataBits, accBits);
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
