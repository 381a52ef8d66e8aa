package io.bitforge.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The programs under {@code examples/java/} compile against the library artefacts alone (no cli classes, no
 * picocli) and run; the preset example's JSON is byte for byte what {@code bitforge simulate --json -} prints.
 */
class JavaExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "java");

    @TempDir
    static Path classes;
    private static String libraryClassPath;

    @BeforeAll
    static void compileTheExamples() throws Exception {
        libraryClassPath = libraryClassPath();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK is needed to compile the examples");
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-d",
                classes.toString(), "-cp", libraryClassPath));
        List<String> sources;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        assertEquals(3, sources.size(), "three example programs: " + sources);
        arguments.addAll(sources);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, arguments.toArray(String[]::new));
        assertEquals(0, status, messages.toString(StandardCharsets.UTF_8));
    }

    /** The test class path without this module's own classes and without the command-line libraries. */
    private static String libraryClassPath() throws URISyntaxException {
        String testPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path cliClasses = Path.of(BitForge.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path cliTestClasses = Path.of(JavaExamplesTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<String> kept = Arrays.stream(testPath.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().equals(cliClasses.toAbsolutePath()
                        .normalize()))
                .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().equals(cliTestClasses.toAbsolutePath()
                        .normalize()))
                .filter(entry -> !entry.contains("picocli") && !entry.contains("progressbar"))
                .toList();
        assertTrue(kept.stream().anyMatch(e -> e.contains("api")), "the api module is on the class path: " + kept);
        return String.join(File.pathSeparator, kept);
    }

    private static JarRunner.Result runExample(String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.awt.headless=true", "-cp", classes + File.pathSeparator + libraryClassPath,
                mainClass));
        command.addAll(List.of(args));
        JarRunner.Result result = JarRunner.exec(command, null);
        assertEquals(0, result.exitCode(), result.stderr());
        return result;
    }

    private static void assertSameJsonAsTheCli(String hardware, String workload) throws Exception {
        String library = runExample("SimulatePreset", hardware, workload).stdout();
        CliHarness.Result cli = CliHarness.run("simulate", "--hw", hardware, "--workload", workload, "--json", "-");
        assertEquals(0, cli.exitCode(), cli.stderr());
        assertTrue(library.length() > 1000, library);
        assertEquals(cli.stdout(), library);
    }

    @Test
    void llama2OnAPresetGivesTheCliJsonByteForByte() throws Exception {
        assertSameJsonAsTheCli("tpu-like-int8", "llama-2-7b");
    }

    @Test
    void stableDiffusionOnAPresetGivesTheCliJsonByteForByte() throws Exception {
        assertSameJsonAsTheCli("tpu-like-int8", "sd-1.5");
    }

    @Test
    void theSweepPrintsOneRowPerArraySize() throws Exception {
        List<String> lines = runExample("SweepArraySizes").stdout().lines().toList();
        assertEquals(6, lines.size(), String.join("\n", lines));
        long cycles8 = Long.parseLong(lines.get(1).trim().split("\\s+")[1]);
        long cycles16 = Long.parseLong(lines.get(2).trim().split("\\s+")[1]);
        // Decode GEMMs have M = batch = 1: the output-stationary array lays M on its rows and N on its columns, so
        // going from 8 to 16 columns halves the column folds; both arrays are compute-bound, hence close to 2x.
        double speedUp = (double) cycles8 / cycles16;
        assertTrue(speedUp > 1.9 && speedUp <= 2.0, String.join("\n", lines));
    }

    @Test
    void aPeFamilyFromOutsideRunsThroughTheRegistry() throws Exception {
        List<String> lines = runExample("CustomPeFamily").stdout().lines().toList();
        assertEquals(3, lines.size(), String.join("\n", lines));
        String[] builtIn = lines.get(1).split("\\s{2,}");
        String[] custom = lines.get(2).split("\\s{2,}");
        assertEquals("mac-int", builtIn[1].trim());
        assertEquals("horowitz-mac8", custom[1].trim());
        // Both cells do one MAC per cycle on the same array, so the cycles agree.
        assertEquals(builtIn[2].trim(), custom[2].trim());
        // MAC energy, both at 45 nm and scaled alike: Horowitz (ISSCC 2014) 0.2 pJ (8b mult) + 0.1 pJ (32b add)
        // against Bit Fusion's fixed 8x8 unit, 171.8 uW at 500 MHz = 0.3436 pJ per MAC.
        double ratio = Double.parseDouble(custom[3].trim()) / Double.parseDouble(builtIn[3].trim());
        assertEquals(0.3 / (171.8 / 500), ratio, 2e-3);
    }
}
