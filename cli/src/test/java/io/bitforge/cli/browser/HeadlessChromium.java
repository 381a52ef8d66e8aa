package io.bitforge.cli.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a page in headless Chromium (Debian package {@code chromium}, installed by
 * {@code scripts/install-toolchain.sh}) and returns the DOM after its scripts ran ({@code --dump-dom}). A missing
 * browser fails the test under {@code CI=true} and skips it, saying why, elsewhere.
 */
public final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    public static final int WINDOW_WIDTH = 1280;
    public static final int WINDOW_HEIGHT = 900;

    private HeadlessChromium() {
    }

    /** What a test does about the browser: run, fail (missing under CI=true) or skip (missing elsewhere). */
    enum Gate { RUN, FAIL, SKIP }

    static Gate gate(boolean found, String ciVariable) {
        if (found) {
            return Gate.RUN;
        }
        return "true".equalsIgnoreCase(ciVariable) ? Gate.FAIL : Gate.SKIP;
    }

    /** The browser's executable, or the test fails (CI) or is skipped. */
    public static Path require() {
        Optional<Path> found = find();
        String message = "headless Chromium not found on PATH (tried " + NAMES
                + "); scripts/install-toolchain.sh installs it";
        switch (gate(found.isPresent(), System.getenv("CI"))) {
            case FAIL -> Assertions.fail(message + " (CI=true: browser tests may not be skipped)");
            case SKIP -> Assumptions.abort(message);
            case RUN -> {
            }
        }
        return found.orElseThrow();
    }

    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The DOM of {@code page} after loading in a {@value #WINDOW_WIDTH}×{@value #WINDOW_HEIGHT} window. */
    public static String dumpDom(Path browser, Path page, Path profile) throws IOException, InterruptedException {
        return run(browser, page, profile, "--dump-dom");
    }

    /** A screenshot of the first screen of {@code page}, for a person to look at. */
    public static void screenshot(Path browser, Path page, Path profile, Path png)
            throws IOException, InterruptedException {
        run(browser, page, profile, "--screenshot=" + png.toAbsolutePath());
    }

    private static String run(Path browser, Path page, Path profile, String action)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + WINDOW_WIDTH + "," + WINDOW_HEIGHT, "--virtual-time-budget=5000", action,
                page.toAbsolutePath().toUri().toString()));
        Path stdout = Files.createTempFile(profile, "chromium", ".out");
        Path stderr = Files.createTempFile(profile, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail("chromium did not finish in 120 s: " + command);
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        Assertions.assertEquals(0, process.exitValue(), () -> "chromium failed: " + readQuietly(stderr));
        return out;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
