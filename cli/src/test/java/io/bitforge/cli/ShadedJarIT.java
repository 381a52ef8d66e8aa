package io.bitforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shaded jar as a user runs it: version, listings, services merged, and the error contract. */
class ShadedJarIT {
    @Test
    void versionPrintsTheProjectVersion() throws Exception {
        JarRunner.Result result = JarRunner.run("--version");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().startsWith("BitForge " + System.getProperty("bitforge.version", "0.")),
                result.stdout());
    }

    @Test
    void aProviderOutsideTheJarIsListedBesideTheJarsOwn() throws Exception {
        JarRunner.Result result = JarRunner.runWithClassPath(System.getProperty("bitforge.testClasses"),
                "list", "pes", "--json", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode array = Json.mapper().readTree(result.stdout());
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asText()));
        assertTrue(ids.contains("fixture-pe"), ids.toString());
        JsonNode fixture = array.get(ids.indexOf("fixture-pe"));
        assertEquals("test-only PE family", fixture.get("description").asText());
        assertEquals("nothing", fixture.get("cell").asText());
    }

    @Test
    void everyModulesProviderSurvivesShading() throws IOException {
        List<String> providers;
        try (JarFile jar = new JarFile(JarRunner.jar().toFile())) {
            var entry = jar.getEntry("META-INF/services/io.bitforge.core.registry.RegistryContributor");
            providers = entry == null ? List.of()
                    : new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        // One contributor per module that models something; each lives in its own module's services file.
        for (String expected : ExpectedProviders.ALL) {
            assertTrue(providers.contains(expected), "missing " + expected + " in merged services: " + providers);
        }
    }

    @Test
    void unknownSubcommandIsBadInputOnOneLine() throws Exception {
        assertBadInput(JarRunner.run("frobnicate"), "frobnicate");
    }

    @Test
    void unknownOptionIsBadInputOnOneLine() throws Exception {
        assertBadInput(JarRunner.run("list", "pes", "--colour"), "--colour");
    }

    @Test
    void unknownListKindNamesTheAllowedValues() throws Exception {
        JarRunner.Result result = JarRunner.run("list", "gizmos");
        assertBadInput(result, "gizmos");
        assertTrue(result.stderr().contains("pes, formats, workloads, devices, memories, hardware"), result.stderr());
    }

    @Test
    void missingOutputFolderIsBadInputOnOneLine() throws Exception {
        assertBadInput(JarRunner.run("list", "pes", "--json", "/no/such/folder/out.json"), "/no/such/folder");
    }

    static void assertBadInput(JarRunner.Result result, String mentioned) {
        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertEquals(1, result.stderrLines().size(), "expected exactly one line, got:\n" + result.stderr());
        assertTrue(result.stderr().contains(mentioned), result.stderr());
        assertTrue(result.stdout().isEmpty(), "nothing on stdout, got:\n" + result.stdout());
    }
}
