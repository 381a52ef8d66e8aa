package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.SparkJobLauncher;
import io.bitforge.cli.VersionProvider;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.engine.MappingLoader;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.explore.DesignSpace;
import io.bitforge.explore.ExploreProgress;
import io.bitforge.explore.ExploreRequest;
import io.bitforge.explore.ExploreSummary;
import io.bitforge.explore.Explorer;
import io.bitforge.explore.Objective;
import io.bitforge.explore.ResultStore;
import io.bitforge.explore.SpaceLoader;
import io.bitforge.explore.StoredDesign;
import io.bitforge.explore.Strategy;
import io.bitforge.reports.chart.ExplorerAxes;
import io.bitforge.reports.chart.ObjectiveAxis;
import io.bitforge.reports.chart.ObjectivesParetoChart;
import io.bitforge.reports.chart.ParetoDesign;
import io.bitforge.reports.results.ResultsWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bitforge explore}: scores the designs of a space file on its workloads with a grid, random or NSGA-II
 * search, streaming them to {@code DIR/results.jsonl}, and writes the Pareto front, a summary and the manifest.
 */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Design-space exploration: score the designs of a space file on its workloads (grid, random "
                + "or NSGA-II), store every design in DIR/results.jsonl, write DIR/pareto.json, summary.json and "
                + "manifest.json. A killed run continues with --resume.")
public final class ExploreCommand implements Callable<Integer> {
    /** Plain progress lines (not on a terminal) at most this often. */
    private static final long PLAIN_PROGRESS_NANOS = 10_000_000_000L;

    private final CliContext context;

    @Option(names = "--space", paramLabel = "FILE", required = true, description = "The design-space file (YAML).")
    Path spaceFile;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The results directory.")
    Path out;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "grid",
            description = "grid, random or nsga2 (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "0",
            description = "Designs to consider: caps grid (a seeded sample when the grid is larger); random "
                    + "default 1000; nsga2 evaluations, default 2000.")
    long budget;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--resume", description = "Continue the run in --out: skip stored designs; NSGA-II restarts "
            + "from its last completed generation.")
    boolean resume;

    @Option(names = "--mapping", paramLabel = "FILE", description = "A mapping file every design runs under: "
            + "{tileM, tileK, tileN, loopOrder, cycleModel}, each optional (default: the tiler chooses per design).")
    Path mapping;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local",
            description = "local (threads in this process) or spark (the Spark job of module explorer-spark, in a "
                    + "child JVM; same results plus DIR/results.parquet; see docs/spark.md) (default: "
                    + "${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, local[N] or spark://HOST:PORT (default: local[*]).")
    String master;

    public ExploreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Strategy chosen = Strategy.fromId(strategy).orElseThrow(() -> BadInputException.field(null, "--strategy",
                "'" + strategy + "'", "must be one of " + String.join(", ", Strategy.ids())));
        if (budget < 0) {
            throw BadInputException.field(null, "--budget", budget, "must be >= 0 (0: the strategy's default)");
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1 || threadCount > 1024) {
            throw BadInputException.field(null, "--threads", threadCount, "must be in [1, 1024]");
        }
        if (!Files.isRegularFile(spaceFile)) {
            throw BadInputException.field(null, "--space", "'" + spaceFile + "'", "must be a readable file");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw BadInputException.field(null, "--out", "'" + out + "'", "must be a directory");
        }
        if (!List.of("local", "spark").contains(engine)) {
            throw BadInputException.field(null, "--engine", "'" + engine + "'", "must be one of local, spark");
        }
        if (engine.equals("spark")) {
            return onSpark(chosen);
        }
        if (master != null) {
            throw BadInputException.field(null, "--master", "'" + master + "'", "applies only with --engine spark");
        }
        DesignSpace space = new SpaceLoader(context.registry()).load(spaceFile);
        ExploreRequest request = new ExploreRequest(space, spaceFile.toString(), out, chosen, budget, seed,
                threadCount, resume, VersionProvider.version(), mapping == null ? null : MappingLoader.load(mapping));
        long started = System.nanoTime();
        ExploreSummary summary;
        try (Progress progress = new Progress(context)) {
            summary = context.library().explore(request, progress);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        writeParetoChart(space, summary.pareto());
        context.out().print(text(space, summary, seconds));
        return 0;
    }

    /**
     * Runs the exploration as the Spark job (module explorer-spark) in a child JVM: it writes the same results as
     * the local engine plus Parquet, and prints its own summary.
     */
    private Integer onSpark(Strategy chosen) {
        if (threads != null) {
            throw BadInputException.field(null, "--threads", threads, "applies only with --engine local; with "
                    + "--engine spark the master sets the cores (e.g. --master local[4])");
        }
        if (master != null && !(master.startsWith("local") || master.contains("://") || master.equals("yarn"))) {
            throw BadInputException.field(null, "--master", "'" + master + "'",
                    "must be local, local[N], local[*], yarn or a URL such as spark://HOST:7077");
        }
        SparkJobLauncher launcher = SparkJobLauncher.find();
        List<String> arguments = new ArrayList<>(List.of("--space", spaceFile.toString(), "--out", out.toString(),
                "--strategy", chosen.id(), "--budget", Long.toString(budget), "--seed", Long.toString(seed)));
        if (resume) {
            arguments.add("--resume");
        }
        if (mapping != null) {
            arguments.addAll(List.of("--mapping", mapping.toString()));
        }
        if (master != null) {
            arguments.addAll(List.of("--master", master));
        }
        return launcher.run(arguments, context.out(), context.err());
    }

    /**
     * Adds the Pareto chart (the space's objectives: one chart for two, a matrix of pairs for more; families
     * coloured; the front by the explorer's own code) to the results directory and rewrites its manifest with the
     * chart listed; inputs and seed stay the explorer's, so {@code --resume} still matches. The chart is drawn from
     * the front the run kept in memory, not by reading the store back; its front is the same designs.
     */
    private void writeParetoChart(DesignSpace space, List<StoredDesign> front) {
        try {
            List<ParetoDesign> designs = new ArrayList<>();
            for (StoredDesign design : front) {
                Map<String, Object> hw = design.hardware();
                Map<?, ?> pe = (Map<?, ?>) hw.get("pe");
                Map<?, ?> array = (Map<?, ?>) hw.get("array");
                String family = String.valueOf(pe.get("family"));
                String label = family + " " + array.get("rows") + "x" + array.get("cols") + " " + hw.get("dataflow");
                double[] values = space.objectives().stream()
                        .mapToDouble(o -> design.metrics().value(o.metric())).toArray();
                designs.add(new ParetoDesign(design.id(), label, family, values));
            }
            if (designs.isEmpty()) {
                return;
            }
            JsonNode manifest = Json.mapper().readTree(out.resolve(Explorer.MANIFEST).toFile());
            @SuppressWarnings("unchecked")
            Map<String, Object> inputs = Json.mapper().convertValue(manifest.get("inputs"), Map.class);
            Long seedUsed = manifest.hasNonNull("seed") ? manifest.get("seed").asLong() : null;
            ObjectivesParetoChart chart = new ObjectivesParetoChart(space.name() + ": Pareto front",
                    ExplorerAxes.of(space.objectives()), designs);
            int panels = space.objectives().size() - 1;
            ResultsWriter.create(out, "--out")
                    .existing(ResultStore.RESULTS, "data", "one JSON object per design: id, hardware, metrics")
                    .existing(Explorer.PARETO, "result", "the Pareto front of the feasible designs")
                    .existing(Explorer.SUMMARY, "result", "counts, strategy facts and first rejections")
                    .chart("pareto", "the designs on the space's objectives, PE families coloured, the front ringed",
                            chart.drawing(), panels == 1 ? 1000 : 420 * panels + 160,
                            panels == 1 ? 700 : 380 * panels + 120)
                    .finish("explore", VersionProvider.version(), inputs, seedUsed);
        } catch (IOException e) {
            throw new BadInputException("--out: cannot read back " + out + ": " + e.getMessage(), e);
        }
    }

    private String text(DesignSpace space, ExploreSummary s, double seconds) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %d designs considered in %.1f s (%.0f/s): %d evaluated, %d "
                        + "already stored, %d duplicates, %d rejected%n", space.name(), s.considered(), seconds,
                s.considered() / Math.max(seconds, 1e-9), s.evaluated(), s.alreadyStored(), s.duplicates(),
                s.rejected()));
        text.append(String.format(Locale.ROOT, "store: %d designs, %d feasible, %d on the Pareto front (%s)%n",
                s.stored(), s.feasible(), s.pareto().size(), out.resolve(Explorer.PARETO)));
        if (!s.firstRejections().isEmpty()) {
            text.append("first rejection: ").append(s.firstRejections().get(0)).append('\n');
        }
        List<String> header = new ArrayList<>(List.of("id", "family", "array"));
        space.objectives().forEach(o -> header.add(o.id()));
        TextTable table = new TextTable(header);
        // Each objective in the unit of its metric, one SI prefix per column (mm² and rates without one).
        for (int i = 0; i < space.objectives().size(); i++) {
            ObjectiveAxis axis = ExplorerAxes.of(space.objectives().get(i));
            if (axis.prefixed()) {
                table.quantity(3 + i, axis.unit());
            } else {
                table.fixedQuantity(3 + i, axis.unit());
            }
        }
        for (StoredDesign d : s.pareto().subList(0, Math.min(20, s.pareto().size()))) {
            List<Object> row = new ArrayList<>();
            row.add(d.id());
            row.add(((java.util.Map<?, ?>) d.hardware().get("pe")).get("family"));
            java.util.Map<?, ?> array = (java.util.Map<?, ?>) d.hardware().get("array");
            row.add(array.get("rows") + "x" + array.get("cols"));
            for (Objective o : space.objectives()) {
                row.add(d.metrics().value(o.metric()));
            }
            table.row(row);
        }
        text.append(table);
        if (s.pareto().size() > 20) {
            text.append("(first 20 of ").append(s.pareto().size()).append("; all in pareto.json)\n");
        }
        return text.toString();
    }

    /** A progress bar on a terminal; elsewhere a plain line every few seconds on stderr. */
    private static final class Progress implements ExploreProgress, AutoCloseable {
        private final CliContext context;
        private ProgressBar bar;
        private long total;
        private long lastLine = System.nanoTime();

        Progress(CliContext context) {
            this.context = context;
        }

        @Override
        public void start(long designs) {
            total = designs;
            if (context.terminal()) {
                bar = new ProgressBarBuilder().setTaskName("explore").setInitialMax(designs)
                        .setUnit(" designs", 1).setConsumer(new ConsoleProgressBarConsumer(context.err())).build();
            }
        }

        @Override
        public void step(long done) {
            if (bar != null) {
                bar.stepTo(done);
            } else if (System.nanoTime() - lastLine > PLAIN_PROGRESS_NANOS) {
                lastLine = System.nanoTime();
                context.err().println("explore: " + done + " of about " + total + " designs");
            }
        }

        @Override
        public void finish() {
            close();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
