package io.bitforge.cli.reliability;

import io.bitforge.cli.JarRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command that writes {@code --json}, run twice in separate JVMs (Map.of and Set.of iterate in an order that
 * changes between JVM runs, so one JVM cannot show it), must print byte-identical JSON; commands with
 * {@code --out} also write a byte-identical manifest. {@code bench} is left out: it reports measured wall time;
 * {@code fpga} is covered by its Yosys-only estimate (a placed build's report holds nextpnr's timing figures, which
 * the suite's board builds check on their own).
 */
class DeterminismIT {
    @TempDir
    static Path dir;

    /** The command lines; {@code {out}} becomes a fresh folder for each run, {@code {repo}} the checkout. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("list", "pes", "--json", "-"),
            List.of("gemm", "--m", "64", "--k", "32", "--n", "48", "--json", "-"),
            List.of("gemm", "--scalesim", "--rows", "8", "--cols", "8", "--m", "20", "--k", "12", "--n", "9",
                    "--bandwidth-bytes-per-cycle", "4", "--json", "-"),
            List.of("simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--prompt", "16", "--generate",
                    "2", "--json", "-"),
            List.of("simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--prompt", "16", "--generate",
                    "2", "--explain", "--json", "-", "--out", "{out}"),
            List.of("simulate", "--hw", "tpu-like-int8", "--workload", "sd-1.5", "--steps", "1", "--json", "-"),
            List.of("roofline", "--device", "a100-80gb", "--workload", "llama-2-7b", "--json", "-"),
            List.of("quantize", "--synthetic", "gaussian", "--rows", "16", "--cols", "32", "--format", "int4",
                    "--json", "-", "--out", "{out}"),
            List.of("adc-study", "--synthetic", "gaussian", "--rows", "8", "--cols", "16", "--json", "-"),
            List.of("verilog", "--rows", "2", "--cols", "2", "--out", "{out}", "--json", "-"),
            List.of("cosim", "--rows", "2", "--cols", "2", "--k", "8", "--json", "-"),
            List.of("reproduce", "ant", "--dir", "{repo}/examples/reproduce/ant", "--json", "-"),
            List.of("reproduce", "mixpe", "--dir", "{repo}/examples/reproduce/mixpe", "--sensitivity", "--json", "-"),
            List.of("cosim", "--pe", "bitfusion", "--rows", "2", "--cols", "2", "--json", "-"),
            List.of("fpga-run", "--simulate", "--board", "icebreaker", "--pe", "mac-int", "--rows", "1", "--cols", "1",
                    "--json", "-"),
            List.of("fpga", "--rows", "2", "--cols", "2", "--device", "ecp5", "--estimate-only", "--out", "{out}",
                    "--json", "-"));

    @TestFactory
    Stream<DynamicTest> everyJsonCommandIsByteIdenticalAcrossJvms() {
        return COMMANDS.stream().map(command -> DynamicTest.dynamicTest(String.join(" ", command),
                () -> check(command)));
    }

    private static void check(List<String> command) throws Exception {
        Path first = Files.createTempDirectory(dir, "a");
        Path second = Files.createTempDirectory(dir, "b");
        JarRunner.Result a = JarRunner.run(args(command, first.resolve("out")));
        JarRunner.Result b = JarRunner.run(args(command, second.resolve("out")));
        assertEquals(0, a.exitCode(), a.stderr());
        assertEquals(0, b.exitCode(), b.stderr());
        assertTrue(a.stdout().startsWith("{") || a.stdout().startsWith("["), a.stdout());
        // the runs write to different folders; their names are the only allowed difference
        assertEquals(a.stdout().replace(first.toString(), "{dir}"), b.stdout().replace(second.toString(), "{dir}"),
                "the two runs' JSON differ");
        Path manifest = first.resolve("out/manifest.json");
        if (Files.exists(manifest)) {
            String one = Files.readString(manifest).replace(first.toString(), "{dir}");
            String two = Files.readString(second.resolve("out/manifest.json")).replace(second.toString(), "{dir}");
            assertEquals(one, two, "the two runs' manifest.json differ");
        }
    }

    private static String[] args(List<String> command, Path out) {
        // failsafe runs in the cli module's folder; the examples are at the repository root
        Path repo = Path.of("").toAbsolutePath().getParent();
        return command.stream().map(a -> a.replace("{out}", out.toString()).replace("{repo}", repo.toString()))
                .toArray(String[]::new);
    }

    /** The case: cosim --json - gave 5 different outputs in 6 runs. */
    @TestFactory
    Stream<DynamicTest> cosimIsByteIdenticalAcrossTenRuns() throws Exception {
        JarRunner.Result reference = JarRunner.run("cosim", "--rows", "2", "--cols", "2", "--k", "8", "--json", "-");
        assertEquals(0, reference.exitCode(), reference.stderr());
        return Stream.iterate(2, i -> i + 1).limit(9).map(i -> DynamicTest.dynamicTest("run " + i, () -> {
            JarRunner.Result r = JarRunner.run("cosim", "--rows", "2", "--cols", "2", "--k", "8", "--json", "-");
            assertArrayEquals(reference.stdout().getBytes(), r.stdout().getBytes());
        }));
    }
}
