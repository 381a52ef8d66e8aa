package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import io.bitforge.workloads.tensors.SafetensorsFile;
import io.bitforge.workloads.tensors.TensorInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** quantize's method options: --scale-search, --bcq-rounds, --dequantized-out, and docs/quantizers.md's account of them. */
class QuantizeMethodsCommandTest {
    @TempDir
    Path dir;

    @Test
    void dequantizedOutLoadsBackWithTheSourceShapes() {
        Path file = dir.resolve("dq.safetensors");
        CliHarness.Result r = CliHarness.run("quantize", "--format", "flint4,ovp-int4,bcq3", "--synthetic",
                "llm-outliers", "--rows", "8", "--cols", "256", "--group-size", "128", "--dequantized-out",
                file.toString(), "--csv", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        SafetensorsFile back = SafetensorsFile.open(file);
        assertEquals(List.of("bcq3/llm-outliers", "flint4/llm-outliers", "original/llm-outliers",
                "ovp-int4/llm-outliers"), back.tensors().stream().map(TensorInfo::name).sorted().toList());
        for (TensorInfo t : back.tensors()) {
            assertEquals(List.of(8L, 256L), t.shape(), t.name());
        }
    }

    @Test
    void ant4IsTheBestOfItsCandidatesChosenOncePerTensor() throws IOException {
        // flint4 and pot4 run with ANT's clipping search here, as inside ant4; int4 alone uses absmax, so ant4 is at
        // most the error of flint4 and pot4, and equals one of them unless its clipped int4 wins.
        CliHarness.Result r = CliHarness.run("quantize", "--format", "ant4,flint4,pot4", "--synthetic",
                "llm-outliers", "--rows", "16", "--cols", "256", "--tokens", "0", "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode results = Json.mapper().readTree(r.stdout()).get("results");
        assertEquals("ant4", results.get(0).get("format").asText());
        double ant = results.get(0).get("mse").asDouble();
        double flint = results.get(1).get("mse").asDouble();
        double pot = results.get(2).get("mse").asDouble();
        assertTrue(ant <= flint && ant <= pot, ant + " " + flint + " " + pot);
        JsonNode counts = results.get(0).get("choiceCounts");
        assertEquals(3, counts.size(), counts.toString());
        assertEquals(1, counts.get(0).asLong() + counts.get(1).asLong() + counts.get(2).asLong(), counts.toString());
        if (counts.get(1).asLong() == 1) {
            assertEquals(flint, ant);
        } else if (counts.get(2).asLong() == 1) {
            assertEquals(pot, ant);
        }
    }

    @Test
    void theTwoMethodsDifferAndBadValuesAreOneLine() {
        String[] base = {"quantize", "--format", "ovp-int8,bcq3", "--synthetic", "llm-outliers", "--rows", "16",
                "--cols", "256", "--group-size", "128", "--csv", "-"};
        CliHarness.Result paper = CliHarness.run(base);
        CliHarness.Result bitforge = CliHarness.run(concat(base, "--scale-search", "bitforge"));
        assertEquals(0, paper.exitCode(), paper.stderr());
        assertEquals(0, bitforge.exitCode(), bitforge.stderr());
        assertNotEquals(paper.stdout(), bitforge.stdout());
        for (String[] bad : List.of(new String[] {"--scale-search", "ant"}, new String[] {"--bcq-rounds", "-1"},
                new String[] {"--dequantized-out", dir.resolve("x.bin").toString()})) {
            CliHarness.Result r = CliHarness.run(concat(base, bad));
            assertEquals(2, r.exitCode(), String.join(" ", bad));
            assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
            assertTrue(r.stderr().contains(bad[0]), r.stderr());
        }
    }

    @Test
    void everyOptionTheDocsPageNamesIsAQuantizeOption() throws IOException {
        Path page = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/quantizers.md");
        String text = Files.readString(page);
        Matcher m = Pattern.compile("`(--[a-z-]+)").matcher(text);
        Set<String> named = new TreeSet<>();
        while (m.find()) {
            named.add(m.group(1));
        }
        Set<String> options = new CommandLine(new QuantizeCommand(null)).getCommandSpec().options().stream()
                .flatMap(o -> List.of(o.names()).stream()).collect(Collectors.toSet());
        assertTrue(named.containsAll(Set.of("--scale-search", "--bcq-rounds", "--dequantized-out")), named.toString());
        for (String option : named) {
            assertTrue(options.contains(option), option + " is named in docs/quantizers.md but is no quantize option");
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
