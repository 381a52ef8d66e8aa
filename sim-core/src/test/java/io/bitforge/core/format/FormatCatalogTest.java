package io.bitforge.core.format;

import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Catalogued;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatCatalogTest {
    @Test
    void theRegistryListsEveryFormatWithBitsAndSmallGrids() {
        Registry registry = Registry.load();
        List<String> ids = registry.ids(CatalogKind.FORMATS);
        assertEquals(NumberFormats.allIds().size(), ids.size());
        assertTrue(ids.containsAll(NumberFormats.allIds()));
        Map<String, Object> fp4 = registry.find(CatalogKind.FORMATS, "fp4-e2m1").orElseThrow().facts();
        assertEquals(4, fp4.get("bits"));
        assertEquals(List.of(-6.0, -4.0, -3.0, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0),
                fp4.get("grid"));
        Catalogued fp16 = registry.find(CatalogKind.FORMATS, "fp16").orElseThrow();
        assertFalse(fp16.facts().containsKey("grid"), "no grid above 8 bits");
        Map<String, Object> ovp = registry.find(CatalogKind.FORMATS, "ovp-int4").orElseThrow().facts();
        assertEquals(List.of(-96.0, -64.0, -48.0, -32.0, -24.0, -16.0, -12.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0, 96.0),
                ovp.get("outlierGrid"));
        assertEquals("1000", ovp.get("victimMarker"));
        assertEquals(List.of("bitmod-fp4-er+", "bitmod-fp4-er-", "bitmod-fp4-ea+", "bitmod-fp4-ea-"),
                registry.find(CatalogKind.FORMATS, "bitmod-mix4").orElseThrow().facts().get("candidates"));
        for (String id : ids) {
            Catalogued entry = registry.find(CatalogKind.FORMATS, id).orElseThrow();
            NumberFormat format = NumberFormats.parse(id);
            assertEquals(format.bits(), entry.facts().get("bits"), id);
            if (format instanceof ElementFormat e && e.bits() <= 8) {
                assertEquals(e.grid().size(), ((List<?>) entry.facts().get("grid")).size(), id);
            }
            assertFalse(entry.description().isBlank());
            assertFalse(entry.source().isBlank());
        }
    }
}
