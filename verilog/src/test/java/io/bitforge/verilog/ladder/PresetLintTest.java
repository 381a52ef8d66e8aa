package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The design each integer-family and OliVe preset describes (bitmod-decode: weight-stationary; olive-weight-only
 * taken output-stationary), at 4x4, passes {@code verilator --lint-only -Wall} with no
 * warning, and the PE cell's own Verilog (and its submodules) carries no lint pragma.
 */
class PresetLintTest {
    private static final Registry REGISTRY = Registry.load();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"bitfusion-45nm", "ant-28nm", "mixpe-w4a8", "bitmod-prefill", "tpu-like-int8", "bitmod-decode",
        "olive-w4a4", "olive-weight-only", "mixpe-w4a16"})
    void presetArrayIsLintCleanWithoutPragmasInThePe(String preset) throws Exception {
        ToolGate.require("verilator");
        PeRtlRegistry rtl = PeRtlRegistry.load();
        List<String> notes = new ArrayList<>();
        HardwareSpec resolved = new HardwareSpecLoader(REGISTRY).resolve(preset, "--hw");
        // the ovp RTL is output-stationary: olive-weight-only's parameters run as cosim --pe runs them (+os)
        HardwareSpec base = preset.equals("olive-weight-only") ? resolved.withDataflow(Dataflow.OS) : resolved;
        HardwareSpec spec = PeDesign.withRtlParams(base.withArray(new ArraySpec(4, 4)), rtl, notes::add);
        PeDesign design = PeDesign.of(spec, rtl, null, 1);
        ModuleDef top = design.top();
        EmittedDesign e = VerilogEmitter.emit(top);
        e.writeTo(dir);
        ToolResult lint = Verilator.lint(dir, e.fileNames(), e.top());
        assertTrue(lint.ok(), preset + ": verilator failed\n" + lint.stdout() + lint.stderr());
        assertEquals(0, Verilator.warnings(lint), preset + ": verilator warnings\n" + lint.stderr());
        int cells = 0;
        for (var file : e.files().entrySet()) {
            // the FP blocks (olive-weight-only's and mixpe-w4a16's cells) mark the field bits they leave unread; integer cells have none
            boolean fpCell = Set.of("olive-weight-only", "mixpe-w4a16").contains(preset)
                    && (file.getKey().startsWith("ovp_os_") || file.getKey().startsWith("mixpe_os_"));
            if (!file.getKey().equals(e.top() + ".v")) {
                assertFalse(!fpCell && file.getValue().contains("lint_off"), file.getKey() + " hides a lint warning");
                cells++;
            }
        }
        assertTrue(cells >= 1);
    }
}
