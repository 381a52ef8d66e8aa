package io.bitforge.verilog.tools;

import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.hdl.ModuleDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every emitted design passes {@code verilator --lint-only -Wall} without a warning and compiles in Icarus. */
class LintAndCompileTest {

    @Test
    void everyDesignIsLintCleanAndCompiles(@TempDir Path dir) throws Exception {
        ToolGate.require("verilator", "iverilog");
        int checked = 0;
        for (Map.Entry<String, ModuleDef> d : Designs.all().entrySet()) {
            Path sub = dir.resolve(d.getKey());
            EmittedDesign e = VerilogEmitter.emit(d.getValue());
            e.writeTo(sub);
            ToolResult lint = Verilator.lint(sub, e.fileNames(), e.top());
            assertTrue(lint.ok(), d.getKey() + ": verilator failed\n" + lint.stdout() + lint.stderr());
            assertEquals(0, Verilator.warnings(lint), d.getKey() + ": verilator warnings\n" + lint.stderr());
            ToolResult compiled = Iverilog.compile(sub, e.fileNames(), e.top(), java.util.List.of());
            assertTrue(compiled.ok(), d.getKey() + ": iverilog failed\n" + compiled.stdout() + compiled.stderr());
            assertEquals("", compiled.stderr().strip(), d.getKey() + ": iverilog warnings");
            checked++;
        }
        assertEquals(Designs.all().size(), checked);
        assertEquals(10, checked, "counter, accumulator, fifo, 3 rams, saturator, mac16, array, wrapper");
    }
}
