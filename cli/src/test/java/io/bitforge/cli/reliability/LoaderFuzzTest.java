package io.bitforge.cli.reliability;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded mutation fuzzing of every loader through the command line: a valid hardware spec, SCALE-Sim config and
 * topology, Hugging Face and diffusers config, safetensors file and design space from the bad-input catalogue,
 * mutated (characters deleted, duplicated or replaced, numbers replaced by edge values), must end in exit 0 or in
 * exit 2 with one line: never exit 1, never a stack trace, never past the time bound. The default tries keep the
 * suite fast; {@code -Pfuzz} runs many more ({@code bitforge.fuzz.tries}). Each case names its seed, so a failure
 * is reproduced by running that case again.
 */
class LoaderFuzzTest {
    static final int TRIES = Integer.getInteger("bitforge.fuzz.tries", 6);
    static final Duration BOUND = Duration.ofSeconds(60);

    /** Replacements that probe bounds and parsing: edge integers, non-finite numbers, wrong types, nothing. */
    private static final List<String> EDGES = List.of("0", "-1", "2147483647", "2147483648", "99999999999999999999",
            "1e400", ".nan", "-.inf", "NaN", "\"\"", "[]", "{}", "null", "x", ",", ":", "\u00e9", "");

    private static final java.util.regex.Pattern NON_FINITE =
            java.util.regex.Pattern.compile("(?<![A-Za-z0-9_.-])-?(NaN|Infinity)(?![A-Za-z0-9_])");

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeFiles() throws IOException {
        BadInputCatalogueTest.read(dir);
        // a small results store (two designs) whose files the store targets mutate
        CliHarness.Result store = CliHarness.run("explore", "--space", dir.resolve("space.yaml").toString(), "--out",
                dir.resolve("store").toString(), "--budget", "2");
        assertEquals(0, store.exitCode(), store.stderr());
    }

    /**
     * A loader's input: {@code file} under the test's folder is mutated and the command run on the copy; with
     * {@code wholeFolder} the file's folder is copied along (a results store: the other files stay valid).
     */
    record Target(String name, String file, boolean wholeFolder, Function<Path, List<String>> command) {
        Target(String name, String file, Function<Path, List<String>> command) {
            this(name, file, false, command);
        }
    }

    static final List<Target> TARGETS = List.of(
            new Target("hardware spec", "hw.yaml", f -> List.of("gemm", "--hw", f.toString(), "--m", "16", "--k", "16",
                    "--n", "16")),
            new Target("SCALE-Sim config", "hw.cfg", f -> List.of("gemm", "--scalesim-config", f.toString(),
                    "--topology", dir.resolve("gemm.csv").toString())),
            new Target("SCALE-Sim topology", "gemm.csv", f -> List.of("gemm", "--scalesim-config",
                    dir.resolve("hw.cfg").toString(), "--topology", f.toString())),
            new Target("HF config", "hf.json", f -> List.of("simulate", "--hw", "tpu-like-int8", "--model-config",
                    f.toString(), "--prompt", "8", "--generate", "1")),
            new Target("diffusers config", "unet.json", f -> List.of("simulate", "--hw", "tpu-like-int8",
                    "--model-config", f.toString(), "--steps", "1", "--resolution", "256")),
            new Target("safetensors", "good.safetensors", f -> List.of("quantize", "--safetensors", f.toString(),
                    "--all-tensors", "--format", "int4")),
            new Target("design space", "space.yaml", f -> List.of("explore", "--space", f.toString(), "--out",
                    f.resolveSibling(f.getFileName() + ".out").toString(), "--budget", "1")),
            new Target("results store on resume", "store/results.jsonl", true, f -> List.of("explore", "--space",
                    dir.resolve("space.yaml").toString(), "--out", f.getParent().toString(), "--resume", "--budget",
                    "2")),
            new Target("results store in a report", "store/results.jsonl", true, f -> List.of("report", "--in",
                    f.getParent().toString(), "--out", f.resolveSibling("report.html").toString())),
            new Target("results manifest", "store/manifest.json", true, f -> List.of("report", "--in",
                    f.getParent().toString(), "--out", f.resolveSibling("report.html").toString())));

    @TestFactory
    Stream<DynamicTest> mutatedInputsEndInExitZeroOrOneLine() {
        return TARGETS.stream().flatMap(target -> IntStream.range(0, TRIES).mapToObj(seed -> DynamicTest.dynamicTest(
                target.name() + " seed " + seed, () -> check(target, seed))));
    }

    private static void check(Target target, long seed) throws IOException {
        byte[] valid = Files.readAllBytes(dir.resolve(target.file()));
        Random random = new Random(seed * 7919 + target.file().hashCode());
        byte[] mutated = mutate(valid, random, target.file().endsWith(".safetensors"));
        Path source = dir.resolve(target.file());
        Path file = Files.createTempDirectory(dir, "fuzz").resolve(source.getFileName());
        if (target.wholeFolder()) {
            try (Stream<Path> siblings = Files.list(source.getParent())) {
                for (Path sibling : siblings.filter(Files::isRegularFile).toList()) {
                    Files.copy(sibling, file.resolveSibling(sibling.getFileName()));
                }
            }
        }
        Files.write(file, mutated);
        List<String> args = target.command().apply(file);
        CliHarness.Result r = assertTimeoutPreemptively(BOUND, () -> CliHarness.run(args.toArray(String[]::new)));
        String shown = "exit " + r.exitCode() + " for " + new String(mutated, java.nio.charset.StandardCharsets.UTF_8)
                + "\nstderr:\n" + r.stderr();
        assertTrue(r.exitCode() == 0 || r.exitCode() == 2, shown);
        if (r.exitCode() == 2) {
            assertEquals(1, r.stderr().lines().count(), shown);
            assertTrue(r.stderr().startsWith("bitforge: "), shown);
        }
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), shown);
        // a number printed as NaN or Infinity, not a layer name that happens to contain the letters
        assertFalse(NON_FINITE.matcher(r.stdout()).find(), "a non-finite result; " + shown + "\nstdout:\n" + r.stdout());
    }

    /** One to three edits: delete, duplicate or replace a span; replace a number by an edge value. */
    static byte[] mutate(byte[] valid, Random random, boolean binary) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : valid) {
            bytes.add(b);
        }
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !bytes.isEmpty(); e++) {
            int at = binary && random.nextBoolean() ? random.nextInt(Math.min(bytes.size(), 80))
                    : random.nextInt(bytes.size());
            switch (random.nextInt(4)) {
                case 0 -> bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(4))).clear();
                case 1 -> bytes.add(at, bytes.get(at));
                case 2 -> bytes.set(at, (byte) random.nextInt(256));
                default -> {
                    int end = at;
                    while (end < bytes.size() && (Character.isDigit(bytes.get(end)) || bytes.get(end) == '.')) {
                        end++;
                    }
                    bytes.subList(at, end).clear();
                    byte[] edge = EDGES.get(random.nextInt(EDGES.size())).getBytes(
                            java.nio.charset.StandardCharsets.UTF_8);
                    for (int i = edge.length - 1; i >= 0; i--) {
                        bytes.add(at, edge[i]);
                    }
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }
}
