package io.bitforge.explore;

import io.bitforge.core.io.AtomicFiles;
import io.bitforge.core.engine.Mapping;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.io.Json;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.SpecNode;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs a design-space exploration (DESIGN.md, "Explorer"): picks designs with the request's strategy, scores them
 * on a pool of threads, streams them to {@code results.jsonl} in a canonical order (so the file does not depend on
 * the thread count), then writes {@code pareto.json} (the feasible non-dominated designs of the whole store),
 * {@code summary.json} and {@code manifest.json}. Only the front, counts and per-design ids and objectives stay in
 * memory ({@link ResultStore}, {@link StoreTally}), so memory does not grow with the designs explored. A design whose combination of values the spec rejects (e.g. a
 * dataflow its PE family lacks) is counted as rejected, not stored.
 */
public final class Explorer {
    public static final String MANIFEST = "manifest.json";
    public static final String PARETO = "pareto.json";

    /**
     * A grid explored whole without a budget may have at most this many designs: about 10 minutes at
     * {@link #DESIGNS_PER_SECOND}; beyond it the run is refused up front instead of running for days.
     */
    static final long MAX_UNBUDGETED_GRID = 10_000;

    /** Measured: the array-sweep example (192 designs, two Llama-2-7B workloads) in 11 s on a shared 2-core machine. */
    static final long DESIGNS_PER_SECOND = 17;
    public static final String SUMMARY = "summary.json";
    static final long DEFAULT_RANDOM_BUDGET = 1000;
    static final long DEFAULT_NSGA2_BUDGET = 2000;
    /** Objective value of a design the spec or engine rejects: worse than any real design. */
    private static final double REJECTED = 1e300;
    private static final int MAX_REJECTIONS_SHOWN = 10;
    /** One mapper for every design (HardwareSpecLoader.fromMap builds a new one per call, which dominates). */
    private static final com.fasterxml.jackson.databind.ObjectMapper TREES =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final Registry registry;
    private final HardwareSpecLoader specLoader;

    public Explorer(Registry registry) {
        this.registry = registry;
        this.specLoader = new HardwareSpecLoader(registry);
    }

    /** The outcome of scoring one choice vector. Exactly one of design, storedId, rejection is set. */
    private record Outcome(int[] choice, StoredDesign design, String storedId, String rejection) {
    }

    private final class Run {
        final DesignSpace space;
        final DesignEvaluator evaluator;
        final ResultStore store;
        final ExploreProgress progress;
        long considered;
        long evaluated;
        long alreadyStored;
        long duplicates;
        long rejected;
        final List<String> rejections = new ArrayList<>();
        /** Designs stored before this run: a repeat of one is "already stored", any other repeat a duplicate. */
        final int storedAtStart;
        final StoreTally tally;

        Run(DesignSpace space, Mapping mapping, ResultStore store, StoreTally tally, ExploreProgress progress) {
            this.space = space;
            this.storedAtStart = store.size();
            this.tally = tally;
            this.evaluator = new DesignEvaluator(registry, space.workloads(), space.memory(), mapping);
            this.store = store;
            this.progress = progress;
        }

        /** Runs on worker threads: reads only the store's id set, which the writer thread only grows. */
        Outcome score(int[] choice) {
            HardwareSpec spec;
            try {
                spec = specLoader.fromNode(SpecNode.detached(TREES.valueToTree(space.pointSpec(choice)), "design",
                        "hardware"));
            } catch (BadInputException e) {
                return new Outcome(choice, null, null, space.choiceMap(choice) + ": " + e.getMessage());
            }
            String id = spec.designId();
            if (store.contains(id)) {
                return new Outcome(choice, null, id, null);
            }
            DesignMetrics metrics;
            try {
                metrics = evaluator.evaluate(spec);
            } catch (BadInputException | ArithmeticException | IllegalArgumentException e) {
                // One combination the models cannot cost (an overflow, a format a family lacks) must not end a
                // run of thousands; it is counted and its reason kept in the summary.
                return new Outcome(choice, null, null, space.choiceMap(choice) + ": " + e.getMessage());
            }
            Constraints c = space.constraints();
            return new Outcome(choice, new StoredDesign(id, spec.asMap(), metrics, c.met(metrics), c.missed(metrics)),
                    null, null);
        }

        /** Runs on the calling thread, in canonical order. */
        void record(Outcome outcome) {
            considered++;
            if (outcome.rejection() != null) {
                rejected++;
                if (rejections.size() < MAX_REJECTIONS_SHOWN) {
                    rejections.add(outcome.rejection());
                }
            } else if (outcome.design() != null && store.append(outcome.design())) {
                evaluated++;
            } else {
                // Whether a worker saw a repeat as stored depends on timing; the count must not.
                String id = outcome.design() != null ? outcome.design().id() : outcome.storedId();
                int position = store.position(id);
                if (position >= 0 && position < storedAtStart) {
                    alreadyStored++;
                } else {
                    duplicates++;
                }
            }
            progress.step(considered);
        }

        /** The stored objectives and violations ({@link StoreTally}) of an outcome's design; null if rejected. */
        double[] storedVector(Outcome outcome) {
            if (outcome.design() != null) {
                return store.vector(outcome.design().id());
            }
            return outcome.storedId() == null ? null : store.vector(outcome.storedId());
        }
    }

    public ExploreSummary run(ExploreRequest request, ExploreProgress progress) {
        DesignSpace space = request.space();
        Path dir = request.outDir();
        Map<String, Object> manifest = manifest(request, false);
        checkResumable(request, manifest);
        ExecutorService pool = Executors.newFixedThreadPool(request.threads(), runnable -> {
            Thread thread = new Thread(runnable, "bitforge-explore");
            thread.setDaemon(true);
            return thread;
        });
        StoreTally tally = new StoreTally(space);
        try (ResultStore store = ResultStore.open(dir, request.resume(), tally, tally.vectorLength())) {
            writeJson(dir.resolve(MANIFEST), manifest);
            Run run = new Run(space, request.mapping(), store, tally, progress);
            Map<String, Object> strategyFacts = switch (request.strategy()) {
                case GRID, RANDOM -> sampled(request, run, pool);
                case NSGA2 -> nsga2(request, run, pool);
            };
            progress.finish();
            ExploreSummary summary = finish(request, run, strategyFacts, store.truncatedBytes());
            // last: the manifest lists the front and the summary only once they exist
            writeJson(dir.resolve(MANIFEST), manifest(request, true));
            return summary;
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int window(ExploreRequest request) {
        return Math.max(64, request.threads() * 256);
    }

    private Map<String, Object> sampled(ExploreRequest request, Run run, ExecutorService pool) {
        DesignSpace space = request.space();
        BigInteger size = space.gridSize();
        long budget = request.budget() > 0 ? request.budget()
                : request.strategy() == Strategy.RANDOM ? DEFAULT_RANDOM_BUDGET : Long.MAX_VALUE;
        boolean whole = size.compareTo(BigInteger.valueOf(budget)) <= 0;
        if (request.strategy() == Strategy.GRID && request.budget() == 0
                && size.compareTo(BigInteger.valueOf(MAX_UNBUDGETED_GRID)) > 0) {
            throw new BadInputException(request.spaceFile() + ": the grid has " + size + " designs; exploring all "
                    + "of them would take about " + size.divide(BigInteger.valueOf(DESIGNS_PER_SECOND)) + " s at ~"
                    + DESIGNS_PER_SECOND + " designs/s; refused without a budget above " + MAX_UNBUDGETED_GRID
                    + " designs (set a budget to sample the grid, seeded)");
        }
        java.util.Iterator<int[]> choices;
        long count;
        if (request.strategy() == Strategy.GRID && whole) {
            choices = DesignSampler.grid(space.radices());
            count = size.longValueExact();
        } else {
            count = whole ? size.longValueExact() : budget;
            List<int[]> sample = DesignSampler.distinct(space.radices(), count, new SearchRandom(request.seed()));
            choices = (request.strategy() == Strategy.GRID ? DesignSampler.canonical(sample) : sample).iterator();
        }
        run.progress.start(count);
        OrderedEvaluation.run(choices, run::score, pool, window(request), run::record);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sampled", !whole);
        return facts;
    }

    private Map<String, Object> nsga2(ExploreRequest request, Run run, ExecutorService pool) {
        DesignSpace space = request.space();
        if (space.parameters().isEmpty()) {
            throw new BadRequestException("strategy", "nsga2: the space has no parameters to search");
        }
        long budget = request.budget() > 0 ? request.budget() : DEFAULT_NSGA2_BUDGET;
        int population = (int) Math.min(100, Math.max(8, budget / 10));
        population += population % 2;
        int generations = (int) Math.max(0, budget / population - 1);
        List<Objective> objectives = space.objectives();
        // constraints: the four violations of Constraints, then one for a rejected design
        Nsga2Search search = new Nsga2Search(space.radices(), objectives.size(), 5, population, generations,
                request.seed(), request.outDir().resolve(Nsga2Search.STATE_FILE));
        run.progress.start((long) population * (generations + 1));
        search.run(choices -> {
            List<Nsga2Search.Score> scores = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            OrderedEvaluation.run(choices.iterator(), run::score, pool, window(request), o -> {
                run.record(o);
                outcomes.add(o);
            });
            for (Outcome o : outcomes) {
                double[] stored = run.storedVector(o);
                double[] obj = new double[objectives.size()];
                double[] con = new double[5];
                if (stored == null) {
                    java.util.Arrays.fill(obj, REJECTED);
                    con[4] = -1;
                } else {
                    System.arraycopy(stored, 0, obj, 0, obj.length);
                    for (int i = obj.length; i < stored.length; i++) {
                        con[i - obj.length] = -stored[i];
                    }
                }
                scores.add(new Nsga2Search.Score(obj, con));
            }
            return scores;
        }, request.resume());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("population", population);
        facts.put("generations", generations);
        return facts;
    }

    private ExploreSummary finish(ExploreRequest request, Run run, Map<String, Object> strategyFacts,
                                  int truncatedBytes) {
        DesignSpace space = request.space();
        List<StoredDesign> front = run.tally.front();

        Map<String, Object> pareto = new LinkedHashMap<>();
        pareto.put("objectives", space.objectives().stream().map(Objective::id).toList());
        List<Map<String, Object>> designs = new ArrayList<>();
        for (StoredDesign d : front) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", d.id());
            Map<String, Object> values = new LinkedHashMap<>();
            space.objectives().forEach(o -> values.put(o.id(), d.metrics().value(o.metric())));
            entry.put("objectives", values);
            entry.put("metrics", d.metrics().asMap());
            entry.put("hardware", d.hardware());
            designs.add(entry);
        }
        pareto.put("designs", designs);
        writeJson(request.outDir().resolve(PARETO), pareto);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("strategy", request.strategy().id());
        summary.put("seed", request.seed());
        summary.put("budget", request.budget());
        summary.put("designsInSpace", space.gridSize());
        summary.put("strategyDetails", strategyFacts);
        summary.put("considered", run.considered);
        summary.put("evaluated", run.evaluated);
        summary.put("alreadyStored", run.alreadyStored);
        summary.put("duplicates", run.duplicates);
        summary.put("rejected", run.rejected);
        summary.put("firstRejections", run.rejections);
        summary.put("truncatedBytesOnResume", truncatedBytes);
        summary.put("stored", run.store.size());
        summary.put("feasible", run.tally.feasible());
        summary.put("paretoSize", front.size());
        Map<String, Object> best = new LinkedHashMap<>();
        for (int i = 0; i < space.objectives().size(); i++) {
            Objective o = space.objectives().get(i);
            StoredDesign d = run.tally.best(i);
            if (d != null) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("id", d.id());
                b.put(o.metric(), d.metrics().value(o.metric()));
                best.put(o.id(), b);
            }
        }
        summary.put("best", best);
        writeJson(request.outDir().resolve(SUMMARY), summary);
        return new ExploreSummary(run.considered, run.evaluated, run.alreadyStored, run.duplicates, run.rejected,
                List.copyOf(run.rejections), run.store.size(), (int) run.tally.feasible(), List.copyOf(front), summary);
    }

    /** DESIGN.md "Results directories": kind, version, the full inputs, the seed. */
    private static Map<String, Object> manifest(ExploreRequest request, boolean finished) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("spaceFile", request.spaceFile());
        inputs.put("space", request.space().asWritten());
        inputs.put("strategy", request.strategy().id());
        inputs.put("budget", request.budget());
        if (request.mapping() != null) {
            inputs.put("mapping", request.mapping().asMap());
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("kind", "explore");
        manifest.put("bitforgeVersion", request.bitforgeVersion());
        manifest.put("inputs", inputs);
        manifest.put("seed", request.seed());
        // The files of a results directory (DESIGN.md), so `bitforge report` can read even an unfinished run: while
        // it runs only the store exists; the front and the summary are listed once written.
        manifest.put("files", finished ? List.of(
                fileEntry(ResultStore.RESULTS, "data", "one JSON object per design: id, hardware, metrics"),
                fileEntry(PARETO, "result", "the Pareto front of the feasible designs"),
                fileEntry(SUMMARY, "result", "counts, strategy facts and first rejections"))
                : List.of(fileEntry(ResultStore.RESULTS, "data", "one JSON object per design: id, hardware, metrics")));
        return manifest;
    }

    private static Map<String, Object> fileEntry(String name, String role, String description) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", name);
        file.put("role", role);
        file.put("description", description);
        return file;
    }

    /** A run may only be resumed with the inputs it was started with. */
    private static void checkResumable(ExploreRequest request, Map<String, Object> manifest) {
        Path file = request.outDir().resolve(MANIFEST);
        if (!request.resume() || !Files.exists(file)) {
            return;
        }
        try {
            Object before = Json.mapper().readValue(Files.readString(file), Map.class);
            Object now = Json.mapper().readValue(Json.write(manifest), Map.class);
            Map<?, ?> b = (Map<?, ?>) before;
            Map<?, ?> n = (Map<?, ?>) now;
            for (String key : List.of("inputs", "seed")) {
                if (!java.util.Objects.equals(b.get(key), n.get(key))) {
                    throw new BadRequestException("resume", file + " was written with other " + key
                            + " (space, strategy, budget or seed differ); resume with the same inputs or write to "
                            + "another directory");
                }
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Atomically (temp + rename): a killed run never leaves a half-written manifest or front. */
    private static void writeJson(Path file, Object value) {
        AtomicFiles.writeString(file, Json.write(value));
    }
}
