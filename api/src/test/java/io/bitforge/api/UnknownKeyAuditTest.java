package io.bitforge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.bitforge.core.engine.MappingLoader;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.explore.SpaceLoader;
import io.bitforge.simulation.reproduce.Reproductions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unknown-key audit: every YAML input BitForge reads (hardware specs and presets, mapping files, design spaces,
 * reproduction files) refuses a key it does not know, at every level of the document, naming the key. The test
 * takes each shipped file, adds one unknown key to each mapping in turn, and loads the result.
 */
class UnknownKeyAuditTest {
    private static final String UNKNOWN = "zzUnknownKey";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Registry REGISTRY = Registry.load();
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> hardwarePresets() {
        HardwareSpecLoader loader = new HardwareSpecLoader(REGISTRY);
        return REGISTRY.ids(CatalogKind.HARDWARE).stream().flatMap(id -> mutations("preset " + id,
                REGISTRY.hardware(id).orElseThrow().yaml(), text -> loader.parse(text, "preset " + id)));
    }

    @TestFactory
    Stream<DynamicTest> hardwareFiles() throws IOException {
        HardwareSpecLoader loader = new HardwareSpecLoader(REGISTRY);
        return yamlFiles().filter(f -> !f.getFileName().toString().equals("reproduction.yaml"))
                .filter(f -> !f.startsWith(EXAMPLES.resolve("spaces")))
                .flatMap(f -> mutations(f.toString(), read(f), text -> loader.parse(text, f.toString())));
    }

    @TestFactory
    Stream<DynamicTest> spaces() throws IOException {
        SpaceLoader loader = new SpaceLoader(REGISTRY);
        return yamlFiles().filter(f -> f.startsWith(EXAMPLES.resolve("spaces")))
                .flatMap(f -> mutations(f.toString(), read(f), text -> loader.parse(text, f.toString(),
                        f.getParent())));
    }

    @TestFactory
    Stream<DynamicTest> reproductions() throws IOException {
        return yamlFiles().filter(f -> f.getFileName().toString().equals("reproduction.yaml"))
                .flatMap(f -> mutations(f.toString(), read(f), text -> {
                    // the file names its hardware and layer files relative to its folder: load it from there
                    Path copy = f.resolveSibling("audit-" + Thread.currentThread().getId() + ".yaml");
                    try {
                        Files.writeString(copy, text);
                        Reproductions.check(copy, REGISTRY);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } finally {
                        copy.toFile().delete();
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> mappingFiles() {
        String mapping = "tileM: 64\ntileN: 64\nloopOrder: mnk\ndataflow: ws\ncycleModel: folds\n";
        return mutations("mapping.yaml", mapping, text -> {
            Path file = dir.resolve("mapping-" + Thread.currentThread().getId() + ".yaml");
            try {
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            MappingLoader.load(file);
        });
    }

    /** One test per mapping node of {@code text}: the document with {@link #UNKNOWN} added there must be refused. */
    private static Stream<DynamicTest> mutations(String name, String text, Consumer<String> load) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(name + ": not YAML", e);
        }
        load.accept(text); // the file itself loads
        List<String> pointers = new ArrayList<>();
        objects(root, "", pointers);
        return pointers.stream().map(pointer -> DynamicTest.dynamicTest(name + " at '" + pointer + "'", () -> {
            JsonNode copy = root.deepCopy();
            ((ObjectNode) copy.at(pointer)).put(UNKNOWN, 1);
            String mutated = YAML.writeValueAsString(copy);
            BadInputException e = assertThrows(BadInputException.class, () -> load.accept(mutated),
                    name + ": an unknown key at '" + pointer + "' was accepted");
            assertTrue(e.getMessage().contains(UNKNOWN), e.getMessage());
        }));
    }

    private static void objects(JsonNode node, String pointer, List<String> out) {
        if (node.isObject()) {
            out.add(pointer);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                objects(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                objects(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static Stream<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
