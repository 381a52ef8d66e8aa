package io.bitforge.cli.commands;

import io.bitforge.cli.CliContext;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.cli.hdl.HdlDesignOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    private final CliContext context;

    @Mixin
    HdlDesignOptions designOptions;

    @Option(names = "--synthesis", description = "FPGA build: no initial values that cost logic (see docs/commands/verilog.md).")
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
        ModuleDef top = designOptions.build(context, 1);
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
        result.put("design", designOptions.design());
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
}
