package io.bitforge.explore;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped example spaces load and validate. */
class ExampleSpacesTest {
    @Test
    void everyExampleSpaceLoads() throws IOException {
        Path dir = Path.of("..", "examples", "spaces");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            DesignSpace space = new SpaceLoader(Spaces.REGISTRY).load(file);
            assertTrue(space.gridSize().signum() > 0, file.toString());
        }
    }

    @Test
    void theFamilyComparisonCoversEveryRegisteredFamily() {
        DesignSpace space = new SpaceLoader(Spaces.REGISTRY).load(Path.of("..", "examples", "spaces",
                "pe-families.yaml"));
        SpaceParameter pe = space.parameters().stream().filter(p -> p.path().equals("pe")).findFirst().orElseThrow();
        List<String> families = pe.values().stream().map(v -> String.valueOf(((java.util.Map<?, ?>) v).get("family")))
                .distinct().sorted().toList();
        List<String> registered = Spaces.REGISTRY.ids(io.bitforge.core.registry.CatalogKind.PES).stream().sorted()
                .toList();
        // When a family is added to the registry, add it to the example too.
        assertTrue(families.containsAll(registered), "example lacks " + registered + " vs " + families);
    }
}
