package io.bitforge.explore.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to the Spark job's entry point: one line on stderr naming the option, exit 2, no Spark started. */
class SparkExploreMainTest {
    @TempDir
    Path tmp;

    private record Run(int code, String stderr) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkExploreMain.run(args, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    private static void assertBadInput(Run run, String... fragments) {
        assertEquals(2, run.code(), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        for (String fragment : fragments) {
            assertTrue(run.stderr().contains(fragment), run.stderr());
        }
    }

    @Test
    void aMissingSpaceFileIsNamed() {
        assertBadInput(run("--space", tmp.resolve("none.yaml").toString(), "--out", tmp.resolve("o").toString()),
                "--space", "none.yaml", "must be a readable file");
    }

    @Test
    void anUnknownStrategyListsTheKnownOnes() throws Exception {
        Path space = Files.writeString(tmp.resolve("s.yaml"), "name: x\n");
        assertBadInput(run("--space", space.toString(), "--out", tmp.resolve("o").toString(), "--strategy", "anneal"),
                "--strategy", "'anneal'", "grid, random, nsga2");
    }

    @Test
    void aChunkOfZeroIsRefused() throws Exception {
        Path space = Files.writeString(tmp.resolve("s.yaml"), "name: x\n");
        assertBadInput(run("--space", space.toString(), "--out", tmp.resolve("o").toString(), "--chunk", "0"),
                "--chunk", "0", "[1, 1048576]");
    }

    @Test
    void aBrokenSpaceFileIsNamedWithoutStartingSpark() throws Exception {
        Path space = Files.writeString(tmp.resolve("s.yaml"), "name: x\n");
        Run run = run("--space", space.toString(), "--out", tmp.resolve("o").toString());
        assertBadInput(run, "s.yaml");
    }

    @Test
    void aMissingOptionPointsAtHelp() {
        assertBadInput(run("--out", tmp.toString()), "--space", "bitforge-spark --help");
    }
}
