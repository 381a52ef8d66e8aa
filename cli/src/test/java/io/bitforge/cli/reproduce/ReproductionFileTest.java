package io.bitforge.cli.reproduce;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReproductionFileTest {
    private static final String VALID = """
            paper: p
            artefact: a
            requires: [bitfusion]
            batch: 1
            engine: {foldConvention: stream-only, memory: unlimited-bandwidth}
            normaliseTo: x
            designs:
              - {id: x, hardware: x.yaml}
            models:
              - {name: m, layers: m.csv, published: {time: {x: 1}, energy: {x: 1}}}
            ratios:
              - {name: r, metric: cycles, numerator: x, denominator: x}
            """;

    @TempDir
    Path dir;

    private ReproductionFile read(String text) throws IOException {
        Path file = dir.resolve("reproduction.yaml");
        Files.writeString(file, text);
        return ReproductionFile.read(file);
    }

    @Test
    void validFileParses() throws IOException {
        assertTrue(read(VALID).runnable());
    }

    @Test
    void badFieldsAreNamed() {
        assertMessage(VALID.replace("stream-only", "fast"), "must be stream-only or scale-sim");
        assertMessage(VALID.replace("unlimited-bandwidth", "hbm2"), "must be one of unlimited-bandwidth, dram-traffic, dram");
        assertMessage(VALID.replace("denominator: x", "denominator: y"), "must be one of the designs");
        assertMessage(VALID.replace("metric: cycles", "metric: area"), "must be cycles or energy");
        assertMessage(VALID.replace("normaliseTo: x", "normaliseTo: z"), "reproduction.normaliseTo");
        assertMessage(VALID.replace("time: {x: 1}", "time: {q: 1}"), "must be keyed by one of the designs");
        assertMessage(VALID.replace("batch: 1", "batch: 0"), "reproduction.batch");
        assertMessage(VALID + "extra: 1\n", "extra");
        assertMessage(VALID.replace("paper: p\n", ""), "reproduction.paper: missing");
        assertMessage("", "empty file");
    }

    @Test
    void missingFamilyIsNamed() throws IOException {
        ReproductionFile file = read("paper: p\nartefact: a\nrequires: [bitfusion, no-such-family]\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> Reproduction.requireFamilies("x", file, Registry.load()));
        assertTrue(e.getMessage().contains("needs PE family no-such-family"), e.getMessage());
    }

    private void assertMessage(String text, String part) {
        BadInputException e = assertThrows(BadInputException.class, () -> read(text));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
