package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.tools.ToolGate;
import io.bitforge.verilog.tools.ToolResult;
import io.bitforge.verilog.tools.Verilator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The design each integer-family preset describes (bitmod-decode: weight-stationary), at 4x4, passes {@code verilator --lint-only -Wall} with no
 * warning, and the PE cell's own Verilog (and its submodules) carries no lint pragma.
 */
class PresetLintTest {
    private static final Registry REGISTRY = Registry.load();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"bitfusion-45nm", "ant-28nm", "mixpe-w4a8", "bitmod-prefill", "tpu-like-int8", "bitmod-decode"})
    void presetArrayIsLintCleanWithoutPragmasInThePe(String preset) throws Exception {
        ToolGate.require("verilator");
        PeRtlRegistry rtl = PeRtlRegistry.load();
        List<String> notes = new ArrayList<>();
        HardwareSpec spec = PeDesign.withRtlParams(new HardwareSpecLoader(REGISTRY).resolve(preset, "--hw")
                .withArray(new ArraySpec(4, 4)), rtl, notes::add);
        PeDesign design = PeDesign.of(spec, rtl, null, 1);
        ModuleDef top = design.top();
        EmittedDesign e = VerilogEmitter.emit(top);
        e.writeTo(dir);
        ToolResult lint = Verilator.lint(dir, e.fileNames(), e.top());
        assertTrue(lint.ok(), preset + ": verilator failed\n" + lint.stdout() + lint.stderr());
        assertEquals(0, Verilator.warnings(lint), preset + ": verilator warnings\n" + lint.stderr());
        int cells = 0;
        for (var file : e.files().entrySet()) {
            if (!file.getKey().equals(e.top() + ".v")) {
                assertFalse(file.getValue().contains("lint_off"), file.getKey() + " hides a lint warning");
                cells++;
            }
        }
        assertTrue(cells >= 1);
    }
}
