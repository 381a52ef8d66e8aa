package io.bitforge.pe;

import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwarePreset;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every built-in hardware spec this module registers is valid, named after its file, and described. */
class BuiltInPresetsTest {
    private static final Registry REGISTRY = Registry.load();

    @Test
    void everyPresetLoadsAndMatchesItsListing() {
        List<String> ids = REGISTRY.ids(CatalogKind.HARDWARE);
        // two per family for bitfusion, ovp, shift-add, reram and bit-serial, three lut, one mac-int and mac-fp
        assertEquals(15, ids.size(), ids.toString());
        HardwareSpecLoader loader = new HardwareSpecLoader(REGISTRY);
        for (String id : ids) {
            HardwarePreset preset = REGISTRY.hardware(id).orElseThrow();
            HardwareSpec spec = loader.resolve(id, "--hw");
            assertEquals(id, spec.name(), "a preset's name field is its id");
            assertEquals(spec.pe().family(), preset.facts().get("family"), id);
            assertEquals(spec.array().rows() + "x" + spec.array().cols(), preset.facts().get("array"), id);
            assertTrue(REGISTRY.peFamily(spec.pe().family()).isPresent(), id);
            assertFalse(preset.description().isBlank(), id + " needs a leading comment saying what it models");
            assertTrue(preset.description().length() <= preset.source().length());
        }
    }

    @Test
    void descriptionIsTheCommentsFirstPhrase() {
        HardwarePreset preset = new HardwarePreset("p", """
                # A small array. From a paper,
                # table 2.
                name: p
                """);
        assertEquals("A small array.", preset.description());
        assertEquals("A small array. From a paper, table 2.", preset.source());
        assertEquals("A TPU-like array", new HardwarePreset("q", "# A TPU-like array: 32x32. More.\nname: q\n")
                .description());
    }
}
