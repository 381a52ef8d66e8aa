package io.bitforge.cli.commands;

import io.bitforge.cli.CliContext;
import io.bitforge.cli.VersionProvider;
import io.bitforge.cli.bench.BenchCases;
import io.bitforge.cli.bench.BenchResult;
import io.bitforge.cli.bench.BenchRunner;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.units.HumanUnits;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bitforge bench}: BitForge's own throughput figures, measured in this JVM after a warm-up: GEMM evaluations,
 * whole-workload simulations, explorer designs and HDL simulator cycles per second. Figures depend on the machine
 * and its load, which is printed with them; they are measurements, not deterministic output.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure BitForge's own speed: GEMM evaluations, simulations, explorer designs, SCALE-Sim-mode "
                + "layers and HDL simulator cycles per second (warm-up, then timed rounds).")
public final class BenchCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--only", split = ",", paramLabel = "NAME[,NAME...]",
            description = "Benchmarks to run: gemm, gemm-tiled, simulate, explore, explore-run, scalesim, "
                    + "scalesim-conv, scalesim-llama, hdl (default all).")
    List<String> only;

    @Option(names = "--warmup-seconds", defaultValue = "3", description = "Warm-up per benchmark (default 3), "
            + "then on in windows of one round until two successive ones agree within 10%%.")
    double warmupSeconds;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds per benchmark (default 5).")
    int rounds;

    @Option(names = "--round-seconds", defaultValue = "2", description = "Length of a round (default 2).")
    double roundSeconds;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads for the explore benchmark (default: available processors).")
    Integer threads;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the figures as JSON (- is stdout).")
    String json;

    public BenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<String> names = only == null ? BenchCases.names() : only;
        for (String name : names) {
            if (!BenchCases.names().contains(name)) {
                throw BadInputException.field(null, "--only", "'" + name + "'",
                        "must be among " + String.join(", ", BenchCases.names()));
            }
        }
        if (!(warmupSeconds >= 0 && warmupSeconds <= 600)) {
            throw BadInputException.field(null, "--warmup-seconds", warmupSeconds, "must be 0..600");
        }
        if (rounds < 1 || rounds > 100) {
            throw BadInputException.field(null, "--rounds", rounds, "must be 1..100");
        }
        if (!(roundSeconds > 0 && roundSeconds <= 600)) {
            throw BadInputException.field(null, "--round-seconds", roundSeconds, "must be > 0 and <= 600");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int exploreThreads = threads == null ? cores : threads;
        if (exploreThreads < 1 || exploreThreads > 256) {
            throw BadInputException.field(null, "--threads", exploreThreads, "must be 1..256");
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        BenchRunner runner = new BenchRunner(warmupSeconds, rounds, roundSeconds);
        boolean table = json == null;
        if (table) {
            context.out().printf(Locale.ROOT, "BitForge %s on %d cores, Java %s, load average %.1f; %s s warm-up, "
                            + "%d rounds of %s s each%n", VersionProvider.version(), cores,
                    System.getProperty("java.version"), loadBefore, trim(warmupSeconds), rounds, trim(roundSeconds));
        }
        List<BenchResult> results = new ArrayList<>();
        for (String name : names) {
            BenchResult r = runner.run(BenchCases.of(name, context.registry(), exploreThreads));
            results.add(r);
            if (table) {
                // Each case counts its own unit, so each line names it; rates at three significant digits.
                context.out().printf(Locale.ROOT, "  %-11s %7s %s/s  (rounds %s .. %s; %d thread%s%s)%n",
                        name, HumanUnits.count(r.median()), r.benchCase().unit(), HumanUnits.count(r.min()),
                        HumanUnits.count(r.max()), r.benchCase().threads(),
                        r.benchCase().threads() == 1 ? "" : "s", r.steadyState() ? "" : "; warm-up never steady");
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (table) {
            // The descriptions wrap so that the table fits 120 columns.
            TextTable details = new TextTable(List.of("benchmark", "what one unit is")).wrap(1, 100);
            results.forEach(r -> details.row(List.of(r.benchCase().name(), r.benchCase().description())));
            context.out().print(details);
            context.out().printf(Locale.ROOT, "load average %.1f after; above %d the figures understate an idle "
                    + "machine%n", loadAfter, cores);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bitforgeVersion", VersionProvider.version());
        out.put("javaVersion", System.getProperty("java.version"));
        out.put("cores", cores);
        out.put("loadAverageBefore", loadBefore);
        out.put("loadAverageAfter", loadAfter);
        out.put("warmupSeconds", warmupSeconds);
        out.put("rounds", rounds);
        out.put("roundSeconds", roundSeconds);
        out.put("results", results.stream().map(BenchResult::toMap).toList());
        OutputTarget.write("--json", json, Json.write(out), context.out());
        return 0;
    }

    private static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
