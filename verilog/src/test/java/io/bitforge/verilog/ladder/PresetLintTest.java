package io.bitforge.verilog.ladder;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.tools.ToolGate;
import io.bitforge.verilog.tools.ToolResult;
import io.bitforge.verilog.tools.Verilator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every PE family with RTL, at every precision mode its presets use and their RTL variants (e.g. the edge
 * dequantisers, {@code +edge}: the specs {@code cosim --pe} runs), as a 2x2
 * array: the emitted Verilog carries no Verilator lint pragma at all, and {@code verilator --lint-only -Wall}
 * reports no warning. The only nets Verilator's {@code *unused*} naming rule exempts are the allow-listed
 * {@link #ALLOWED_UNUSED}; none of them is in a PE cell.
 */
class PresetLintTest {
    private static final Registry REGISTRY = Registry.load();
    private static final PeRtlRegistry RTL = PeRtlRegistry.load();

    /**
     * Names the emitter may give Verilator's {@code *unused*} form: in the array top only, a cell's pass-through
     * outputs (operands, a LUT cell's table row and select) at the array's right and bottom edges, which no
     * neighbour reads. Every cell has them so that one cell module serves every position.
     */
    static final Pattern ALLOWED_UNUSED = Pattern.compile("pe_\\d+_\\d+_[a-z]+_out_unused");
    private static final Pattern UNUSED_NAME = Pattern.compile("\\b\\w*unused\\w*\\b");

    @TempDir
    Path dir;

    static Stream<Arguments> familyModes() {
        List<Arguments> modes = new ArrayList<>();
        for (String id : RTL.families()) {
            PeFamily family = REGISTRY.peFamily(id).orElseThrow();
            for (HardwareSpec preset : FamilySpecs.withRtlVariants(FamilySpecs.of(REGISTRY, family, "tpu-like-int8",
                    PresetLintTest::generates), RTL)) {
                if (generates(preset)) {
                    modes.add(Arguments.of(id, preset.name(), PeDesign.withRtlParams(preset, RTL, n -> { })));
                }
            }
        }
        return modes.stream();
    }

    private static boolean generates(HardwareSpec spec) {
        try {
            PeDesign.forSpec(PeDesign.withRtlParams(spec, RTL, n -> { }), RTL);
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("familyModes")
    void noLintPragmaAndNoWarning(String family, String preset, HardwareSpec spec) throws Exception {
        PeDesign design = PeDesign.of(spec.withArray(new ArraySpec(2, 2)), RTL, null, 1);
        EmittedDesign e = VerilogEmitter.emit(design.top());
        for (Map.Entry<String, String> file : e.files().entrySet()) {
            String text = file.getValue();
            assertFalse(text.contains("lint_off") || text.contains("lint_on"), file.getKey() + " carries a lint pragma");
            Matcher unused = UNUSED_NAME.matcher(text);
            while (unused.find()) {
                assertTrue(file.getKey().equals(e.top() + ".v") && ALLOWED_UNUSED.matcher(unused.group()).matches(),
                        file.getKey() + ": " + unused.group() + " is not an allow-listed unread output");
            }
        }
        ToolGate.require("verilator");
        e.writeTo(dir);
        ToolResult lint = Verilator.lint(dir, e.fileNames(), e.top());
        assertTrue(lint.ok(), preset + ": verilator failed\n" + lint.stdout() + lint.stderr());
        assertEquals(0, Verilator.warnings(lint), preset + ": verilator warnings\n" + lint.stderr());
    }
}
