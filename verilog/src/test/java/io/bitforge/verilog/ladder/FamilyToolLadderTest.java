package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.tools.ToolGate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The full ladder (Java, Icarus on both tiles, Verilator on the random tile) on the preset of each integer family
 * besides mac-int (see {@link MacIntToolLadderTest}), at 3x3. One Verilator build each.
 */
class FamilyToolLadderTest {
    private static final Registry REGISTRY = Registry.load();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ant-28nm", "bitfusion-45nm", "mixpe-w4a8", "bitmod-prefill"})
    void presetPassesEveryLevel(String preset) {
        ToolGate.require("iverilog", "vvp", "verilator");
        PeRtlRegistry rtl = PeRtlRegistry.load();
        List<String> notes = new ArrayList<>();
        HardwareSpec spec = PeDesign.withRtlParams(new HardwareSpecLoader(REGISTRY).resolve(preset, "--hw")
                .withArray(new ArraySpec(3, 3)), rtl, notes::add);
        LadderOptions options = new LadderOptions(23, Set.of("icarus", "verilator"), dir, null);
        // 8-bit x 8-bit pairs take Icarus over a minute; their Java level runs, the tools take the random tile
        boolean wide = preset.equals("bitfusion-45nm");
        LadderReport report = Ladder.run(spec, PeDesign.forSpec(spec, rtl), REGISTRY,
                wide ? options.randomTileInTools() : options);
        assertTrue(report.passed(), report.levels().toString());
        // java and cycles per tile, icarus per tile (random only when wide), verilator on the random one
        assertEquals(wide ? 6 : 7, report.levels().size(), report.levels().toString());
        assertEquals(report.engineCycles() + 4, report.rtlComputedCycles());
    }
}
