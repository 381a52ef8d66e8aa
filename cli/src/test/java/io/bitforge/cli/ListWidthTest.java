package io.bitforge.cli;

import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every {@code list} table fits a 120-column terminal and still names every entry; the rest is in --json. */
class ListWidthTest {
    @Test
    void everyListTableFits120ColumnsAndListsEveryEntry() {
        Registry registry = Registry.load();
        for (CatalogKind kind : CatalogKind.values()) {
            CliHarness.Result result = CliHarness.run("list", kind.word());
            assertEquals(0, result.exitCode(), result.stderr());
            result.stdout().lines().forEach(line -> assertTrue(line.length() <= 120,
                    "list " + kind.word() + ": " + line.length() + " columns: " + line));
            for (String id : registry.ids(kind)) {
                assertTrue(result.stdout().lines().anyMatch(l -> l.startsWith(id + " ")),
                        "list " + kind.word() + " names " + id);
            }
        }
    }

    @Test
    void aLongDescriptionWrapsAtSpacesWithinItsColumn() {
        CliHarness.Result result = CliHarness.run("list", "hardware");
        // The ANT preset's description (about 100 characters) continues on the next line, under its column.
        String text = result.stdout();
        assertTrue(text.contains("(more fields with --json or --csv") || text.lines().count() > 20, text);
    }
}
