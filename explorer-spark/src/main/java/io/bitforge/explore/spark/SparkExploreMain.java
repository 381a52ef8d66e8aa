package io.bitforge.explore.spark;

import io.bitforge.api.BitForge;
import io.bitforge.core.engine.MappingLoader;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.explore.DesignSpace;
import io.bitforge.explore.ExploreProgress;
import io.bitforge.explore.ExploreRequest;
import io.bitforge.explore.ExploreSummary;
import io.bitforge.explore.Explorer;
import io.bitforge.explore.SpaceLoader;
import io.bitforge.explore.Strategy;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The Spark job's entry point, for {@code spark-submit} (the shaded {@code bitforge-spark.jar}) and for
 * {@code bitforge explore --engine spark}, which runs it in a child JVM with Spark's classpath. It takes the
 * explore command's options (no thread count: the cluster decides) plus the master and how runs are cut into jobs.
 * Bad input: one line on stderr, exit 2.
 */
@Command(name = "bitforge-spark", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Design-space exploration on Apache Spark: the explore command's results (results.jsonl, "
                + "pareto.json, summary.json, manifest.json) plus DIR/results.parquet.")
public final class SparkExploreMain implements Callable<Integer> {
    private static final int OK = 0;
    private static final int INTERNAL_ERROR = 1;
    private static final int BAD_INPUT = 2;
    /** Chunk sizes above this hold too many outcomes on the driver at once. */
    private static final int MAX_CHUNK = 1 << 20;

    private final PrintStream out;

    @Option(names = "--space", paramLabel = "FILE", required = true, description = "The design-space file (YAML).")
    Path spaceFile;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The results directory (on the driver's file system).")
    Path outDir;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "grid",
            description = "grid, random or nsga2 (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "0",
            description = "Designs to consider, as for explore (0: the strategy's default).")
    long budget;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", description = "Continue the run in --out: skip stored designs; NSGA-II restarts "
            + "from its last completed generation.")
    boolean resume;

    @Option(names = "--mapping", paramLabel = "FILE", description = "A mapping file every design runs under.")
    Path mapping;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2] or spark://host:7077 (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--chunk", paramLabel = "N", defaultValue = "" + SparkExplore.DEFAULT_CHUNK_DESIGNS,
            description = "Designs per Spark job; a killed job loses at most one chunk (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--parquet", paramLabel = "PATH",
            description = "Where to write the Parquet (a path or URI; default: DIR/results.parquet).")
    String parquet;

    SparkExploreMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the job and returns the exit code; never throws. */
    public static int run(String[] rawArgs, PrintStream out, PrintStream err) {
        // like bitforge: a stack trace only when asked for with --debug, otherwise one line
        java.util.List<String> rest = new java.util.ArrayList<>(java.util.Arrays.asList(rawArgs));
        boolean debug = rest.remove("--debug");
        String[] args = rest.toArray(String[]::new);
        CommandLine commandLine = new CommandLine(new SparkExploreMain(out));
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            err.println("bitforge-spark: " + oneLine(ex.getMessage()) + " (see 'bitforge-spark --help')");
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            if (ex instanceof BadInputException) {
                String message = ex instanceof BadRequestException request
                        ? "--" + request.field() + ": " + request.detail() : ex.getMessage();
                err.println("bitforge-spark: " + oneLine(message));
                return BAD_INPUT;
            }
            if (ex instanceof SparkJobFailedException) {
                err.println("bitforge-spark: " + oneLine(ex.getMessage()));
                return INTERNAL_ERROR;
            }
            err.println("bitforge-spark: internal error: " + oneLine(String.valueOf(ex))
                    + (debug ? "" : " (run again with --debug for the stack trace)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        });
        return commandLine.execute(args);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    @Override
    public Integer call() {
        Strategy chosen = Strategy.fromId(strategy).orElseThrow(() -> BadInputException.field(null, "--strategy",
                "'" + strategy + "'", "must be one of " + String.join(", ", Strategy.ids())));
        if (budget < 0) {
            throw BadInputException.field(null, "--budget", budget, "must be >= 0 (0: the strategy's default)");
        }
        if (chunk < 1 || chunk > MAX_CHUNK) {
            throw BadInputException.field(null, "--chunk", chunk, "must be in [1, " + MAX_CHUNK + "]");
        }
        if (master != null && master.isBlank()) {
            throw BadInputException.field(null, "--master", "''", "must be a Spark master URL, e.g. local[2]");
        }
        if (!Files.isRegularFile(spaceFile)) {
            throw BadInputException.field(null, "--space", "'" + spaceFile + "'", "must be a readable file");
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw BadInputException.field(null, "--out", "'" + outDir + "'", "must be a directory");
        }
        BitForge library = BitForge.create();
        DesignSpace space = new SpaceLoader(library.registry()).load(spaceFile);
        ExploreRequest request = new ExploreRequest(space, spaceFile.toString(), outDir, chosen, budget, seed, 1,
                resume, version(), mapping == null ? null : MappingLoader.load(mapping));
        long started = System.nanoTime();
        SparkExplore.Result result;
        // a session this JVM already runs (an application embedding the job) is used and left running
        boolean ours = SparkSession.getDefaultSession().isEmpty();
        SparkSession session = session();
        double startSeconds = (System.nanoTime() - started) / 1e9;
        try {
            result = SparkExplore.run(session, library, request, new SparkExplore.Options(chunk, 0, parquet),
                    ExploreProgress.NONE);
        } finally {
            if (ours) {
                session.stop();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        ExploreSummary s = result.summary();
        out.printf(Locale.ROOT, "%s: %d designs considered in %.1f s (%.0f/s): %d evaluated, %d already stored, "
                        + "%d duplicates, %d rejected%n", space.name(), s.considered(), seconds,
                s.considered() / Math.max(seconds, 1e-9), s.evaluated(), s.alreadyStored(), s.duplicates(),
                s.rejected());
        out.printf(Locale.ROOT, "store: %d designs, %d feasible, %d on the Pareto front (%s)%n", s.stored(),
                s.feasible(), s.pareto().size(), outDir.resolve(Explorer.PARETO));
        out.printf(Locale.ROOT, "spark: %d jobs on %s (session started in %.1f s); Parquet: %s%n",
                result.sparkJobs(), session.sparkContext().master(), startSeconds, result.parquet());
        if (!s.firstRejections().isEmpty()) {
            out.println("first rejection: " + s.firstRejections().get(0));
        }
        return OK;
    }

    /** A session on --master, else spark-submit's master, else every core of this machine. */
    private SparkSession session() {
        // spark-submit passes its master as a system property; nothing of Spark is loaded before logging is set
        String chosenMaster = master != null ? master : System.getProperty("spark.master", "local[*]");
        boolean local = chosenMaster.startsWith("local");
        if (local && System.getProperty("log4j2.configurationFile") == null) {
            URL quiet = SparkExploreMain.class.getResource("log4j2-quiet.properties");
            if (quiet != null) {
                // before Spark's first class loads its logging: warnings only in a local run
                System.setProperty("log4j2.configurationFile", quiet.toString());
            }
        }
        SparkSession.Builder builder = SparkSession.builder().appName("bitforge explore " + spaceFile.getFileName())
                .master(chosenMaster);
        if (local) {
            // one machine: no web UI port to bind, and the driver on the loopback interface
            builder.config("spark.ui.enabled", "false").config("spark.driver.host", "localhost")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        return builder.getOrCreate();
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = SparkExploreMain.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
