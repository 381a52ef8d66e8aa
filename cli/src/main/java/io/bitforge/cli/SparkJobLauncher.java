package io.bitforge.cli;

import io.bitforge.core.io.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the explorer's Spark job (module explorer-spark) in a child JVM for {@code explore --engine spark}: the
 * CLI does not depend on Spark, so its jar stays small. The job's jar and Spark's classpath are found where the
 * same Maven reactor builds them ({@code explorer-spark/target/explorer-spark.jar} and {@code target/lib/}, beside
 * the CLI's own {@code cli/target}); the JVM options Spark needs on Java 17 are passed here, not by the user.
 */
public final class SparkJobLauncher {
    /** System property naming explorer-spark's target directory, for a CLI jar moved away from the reactor. */
    public static final String TARGET_PROPERTY = "bitforge.spark.target";
    static final String MAIN_CLASS = "io.bitforge.explore.spark.SparkExploreMain";
    static final String BUILD_HINT = "mvn -B -DskipTests package -pl explorer-spark -am";

    /**
     * Spark on Java 17 reflects into these JDK packages; the list is Spark's own launcher's
     * (org.apache.spark.launcher.JavaModuleOptions in Spark 4.0), as in explorer-spark's surefire configuration.
     */
    static final List<String> JAVA17_OPTIONS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private final Path target;

    private SparkJobLauncher(Path target) {
        this.target = target;
    }

    /** The launcher for the built job; exit 2 with the build command when it is not built. */
    public static SparkJobLauncher find() {
        Path target = targetDirectory();
        Path jar = target.resolve("explorer-spark.jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(target.resolve("lib"))) {
            throw BadInputException.field(null, "--engine", "spark", "needs the Spark job, which is not built (no "
                    + jar + " with lib/ beside it); build it once with: " + BUILD_HINT);
        }
        return new SparkJobLauncher(target);
    }

    private static Path targetDirectory() {
        String given = System.getProperty(TARGET_PROPERTY);
        if (given != null) {
            return Path.of(given);
        }
        try {
            // cli/target/bitforge.jar or cli/target/classes: the reactor root is three levels up
            Path here = Path.of(SparkJobLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = here.toAbsolutePath().getParent().getParent().getParent();
            return root.resolve("explorer-spark").resolve("target");
        } catch (URISyntaxException | NullPointerException e) {
            return Path.of("explorer-spark", "target");
        }
    }

    /** The child JVM's command line: Java 17 options, the heap this JVM has, the job's classpath, its arguments. */
    List<String> command(List<String> jobArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JAVA17_OPTIONS);
        command.add("-Xmx" + Math.max(512, Runtime.getRuntime().maxMemory() >> 20) + "m");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(target.resolve("explorer-spark.jar") + java.io.File.pathSeparator + target.resolve("lib") + "/*");
        command.add(MAIN_CLASS);
        command.addAll(jobArguments);
        return command;
    }

    /** Runs the job, relaying its output; returns its exit code (0 ok, 2 bad input, 1 internal). */
    public int run(List<String> jobArguments, PrintStream out, PrintStream err) {
        ProcessBuilder builder = new ProcessBuilder(command(jobArguments));
        if (!jobArguments.contains("--master") || jobArguments.stream().anyMatch(a -> a.startsWith("local"))) {
            // a local master on the loopback interface, whatever the host name resolves to
            builder.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        }
        builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            Thread errors = relay(process.getErrorStream(), err);
            relay(process.getInputStream(), out).join();
            errors.join();
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Spark job's JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Spark job ran", e);
        }
    }

    private static Thread relay(InputStream from, OutputStream to) {
        Thread thread = new Thread(() -> {
            try (from) {
                from.transferTo(to);
                to.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "bitforge-spark-relay");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
