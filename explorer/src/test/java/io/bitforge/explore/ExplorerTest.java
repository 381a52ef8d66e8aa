package io.bitforge.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.simulation.cost.DramFigures;
import io.bitforge.simulation.cost.DramFloor;
import io.bitforge.workloads.llm.OpFootprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uma.jmetal.util.pseudorandom.JMetalRandom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplorerTest {
    private static final DesignSpace SPACE = Spaces.parse(Spaces.SMALL);

    @TempDir
    Path tmp;

    private static ExploreRequest request(Path dir, Strategy strategy, long budget, int threads, boolean resume) {
        return new ExploreRequest(SPACE, "space.yaml", dir, strategy, budget, 5, threads, resume, "test");
    }

    private static ExploreSummary run(ExploreRequest request) {
        return new Explorer(Spaces.REGISTRY).run(request, ExploreProgress.NONE);
    }

    private static byte[] results(Path dir) throws IOException {
        return Files.readAllBytes(dir.resolve(ResultStore.RESULTS));
    }

    private static List<String> ids(Path dir) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(ResultStore.RESULTS))) {
            ids.add((String) mapper.readValue(line, Map.class).get("id"));
        }
        return ids;
    }

    @Test
    void gridStoresEveryDesignOnceInCanonicalOrder() throws IOException {
        ExploreSummary summary = run(request(tmp.resolve("a"), Strategy.GRID, 0, 2, false));
        assertEquals(48, summary.considered());
        assertEquals(48, summary.evaluated() + summary.rejected());
        List<String> ids = ids(tmp.resolve("a"));
        assertEquals(ids.size(), new HashSet<>(ids).size());
        // Canonical order: the first stored design is choice (0,0,0,0) = mac-int 8x8 os.
        HardwareSpec first = new HardwareSpecLoader(Spaces.REGISTRY).fromMap(SPACE.pointSpec(new int[4]), "t");
        assertEquals(first.designId(), ids.get(0));
        for (String file : List.of(Explorer.MANIFEST, Explorer.PARETO, Explorer.SUMMARY)) {
            assertTrue(Files.isRegularFile(tmp.resolve("a").resolve(file)), file);
        }
        String manifest = Files.readString(tmp.resolve("a").resolve(Explorer.MANIFEST));
        assertTrue(manifest.contains("\"kind\" : \"explore\""), manifest);
        assertTrue(manifest.contains("\"seed\" : 5"), manifest);
    }

    @Test
    void resultsAreByteIdenticalAcrossThreadCounts() throws IOException {
        for (Strategy strategy : Strategy.values()) {
            run(request(tmp.resolve(strategy + "1"), strategy, 24, 1, false));
            run(request(tmp.resolve(strategy + "3"), strategy, 24, 3, false));
            assertArrayEquals(results(tmp.resolve(strategy + "1")), results(tmp.resolve(strategy + "3")),
                    strategy.id());
            assertArrayEquals(Files.readAllBytes(tmp.resolve(strategy + "1").resolve(Explorer.PARETO)),
                    Files.readAllBytes(tmp.resolve(strategy + "3").resolve(Explorer.PARETO)), strategy.id());
        }
    }

    @Test
    void gridBudgetTakesASeededSampleInCanonicalOrder() throws IOException {
        ExploreSummary summary = run(request(tmp.resolve("s"), Strategy.GRID, 10, 2, false));
        assertEquals(10, summary.considered());
        run(request(tmp.resolve("t"), Strategy.GRID, 10, 1, false));
        assertArrayEquals(results(tmp.resolve("s")), results(tmp.resolve("t")));
    }

    @Test
    void paretoFileHoldsTheUndominatedFeasibleDesigns() {
        ExploreSummary summary = run(request(tmp.resolve("p"), Strategy.GRID, 0, 2, false));
        List<StoredDesign> all = new ResultStoreReader(tmp.resolve("p")).designs();
        for (StoredDesign d : summary.pareto()) {
            double[] p = objectives(d);
            for (StoredDesign other : all) {
                assertFalse(ParetoFront.dominates(objectives(other), p), other.id() + " dominates " + d.id());
            }
        }
        assertFalse(summary.pareto().isEmpty());
    }

    private static double[] objectives(StoredDesign d) {
        return SPACE.objectives().stream().mapToDouble(o -> o.minimised(d.metrics())).toArray();
    }

    /** Progress that fails after some designs: an in-process stand-in for a crash. */
    private static final class CrashAfter implements ExploreProgress {
        private final long designs;

        CrashAfter(long designs) {
            this.designs = designs;
        }

        @Override
        public void start(long total) {
        }

        @Override
        public void step(long done) {
            if (done == designs) {
                throw new IllegalStateException("crash");
            }
        }

        @Override
        public void finish() {
        }
    }

    @Test
    void resumeAfterACrashAndATruncatedLineGivesTheSameDesigns() throws IOException {
        for (Strategy strategy : Strategy.values()) {
            Path whole = tmp.resolve("whole-" + strategy);
            Path crashed = tmp.resolve("crashed-" + strategy);
            run(request(whole, strategy, 40, 2, false));
            assertThrows(IllegalStateException.class, () -> new Explorer(Spaces.REGISTRY)
                    .run(request(crashed, strategy, 40, 2, false), new CrashAfter(21)));
            // The process died while writing the next line.
            Files.writeString(crashed.resolve(ResultStore.RESULTS), "{\"id\":\"0123", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            ExploreSummary resumed = run(request(crashed, strategy, 40, 2, true));
            assertTrue(resumed.alreadyStored() > 0, strategy.id());
            List<String> a = ids(whole);
            List<String> b = ids(crashed);
            assertEquals(b.size(), new HashSet<>(b).size(), "no duplicates, " + strategy.id());
            assertEquals(new HashSet<>(a), new HashSet<>(b), strategy.id());
        }
    }

    @Test
    void withoutResumeAnExistingRunIsNotOverwritten() {
        run(request(tmp.resolve("r"), Strategy.GRID, 5, 1, false));
        assertThrows(io.bitforge.core.io.BadInputException.class,
                () -> run(request(tmp.resolve("r"), Strategy.GRID, 5, 1, false)));
        assertThrows(io.bitforge.core.io.BadInputException.class,
                () -> run(request(tmp.resolve("r"), Strategy.GRID, 6, 1, true)));
    }

    @Test
    void concurrentSearchesDoNotDependOnJmetalsGlobalRandom() throws Exception {
        run(request(tmp.resolve("alone"), Strategy.NSGA2, 40, 1, false));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Path dir = tmp.resolve("together" + i);
                runs.add(pool.submit(() -> run(request(dir, Strategy.NSGA2, 40, 1, false))));
            }
            // Disturb the singleton while they run: a search that drew from it would change.
            for (int i = 0; i < 1000; i++) {
                JMetalRandom.getInstance().setSeed(i);
                JMetalRandom.getInstance().nextDouble();
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(results(tmp.resolve("alone")), results(tmp.resolve("together0")));
        assertArrayEquals(results(tmp.resolve("alone")), results(tmp.resolve("together1")));
    }

    @Test
    void metricsAreTheWeightedSumsOfTheFlooredOpCosts() {
        DesignSpace weighted = Spaces.parse(Spaces.SMALL.replace("quant: \"W8A8KV8,lm_head:same\"}",
                "quant: \"W8A8KV8,lm_head:same\", weight: 2}"));
        HardwareSpec spec = new HardwareSpecLoader(Spaces.REGISTRY).fromMap(weighted.pointSpec(new int[4]), "t");
        DesignMetrics metrics = new DesignEvaluator(Spaces.REGISTRY, weighted.workloads()).evaluate(spec);
        Engine engine = Engine.of(spec, Spaces.REGISTRY);
        DramFigures dram = DramFigures.of(spec, Spaces.REGISTRY);
        long cycles = 0;
        double picojoules = 0;
        long items = 0;
        long memoryBoundOps = 0;
        for (PhaseGraph phase : Spaces.REGISTRY.workload("llama-2-7b").orElseThrow()
                .build(weighted.workloads().get(0).settings())) {
            for (Op op : phase.graph().ops()) {
                OpFootprint footprint = OpFootprint.of(op);
                if (op instanceof GemmOp gemm && gemm.bOperand() == BOperand.WEIGHTS) {
                    // weights at the design's stored width: INT8 codes plus an FP16 scale per group if grouped
                    footprint = footprint.withWeightBytes(OpFootprint.storedWeightBytes(gemm,
                            engine.storedWeightBits(gemm)));
                }
                DramFloor floor = DramFloor.apply(engine.evaluate(op), footprint, dram);
                cycles += floor.cycles() * phase.repeats();
                picojoules += floor.cost().totalPicojoules() * phase.repeats();
                memoryBoundOps += floor.memoryBound() ? 1 : 0;
            }
            items += phase.outputItems();
        }
        assertEquals(1, items, "decode of one token");
        assertTrue(memoryBoundOps > 0, "decode on an 8x8 array still has memory-bound ops");
        // weight 2: latency = 2 x cycles / 1 GHz, energy = 2 x pJ x 1e-12
        assertEquals(2 * cycles / 1e9, metrics.latencySeconds(), 1e-15);
        assertEquals(2 * picojoules * 1e-12, metrics.energyJoules(), 1e-15);
        assertEquals(2.0, metrics.outputItems());
        assertEquals(metrics.energyJoules() / 2.0, metrics.energyPerItemJoules(), 1e-18);
        assertEquals(metrics.energyJoules() / metrics.latencySeconds(), metrics.powerWatts(), 1e-12);
        // 8x8 mac-int at 28 nm: the area objective is the whole design's, in mm^2 (engine reports um^2): 64 Bit
        // Fusion 8x8 units (687.6 um2 at 45 nm), tpu-like-int8's 3 x 64 KiB of SRAM at 0.127 um2 per 28 nm bitcell
        // x the 1.428 array overhead (TSMC N3E: 31.8 Mib/mm2 with 0.021 um2 cells), and 32 FP16 vector lanes of
        // Horowitz's adder + multiplier (1360 + 1640 um2 at 45 nm), and the per-channel output scalers at the array
        // edge, an FP32 multiplier per column (7700 um2 at 45 nm, Horowitz); 45 nm figures x Stillmaker & Baas's
        // area factor.
        double to28 = io.bitforge.core.tech.TechScaling.areaFactor(io.bitforge.core.tech.TechNode.N45,
                io.bitforge.core.tech.TechNode.N28);
        double overhead = 1e6 / (31.8 * 1024 * 1024) / 0.021;
        double handSquareMicrometres = 64 * 687.6 * to28 + 3 * 64 * 1024 * 8 * 0.127 * overhead
                + 32 * (1360 + 1640) * to28 + 8 * 7700 * to28;
        assertEquals(handSquareMicrometres / 1e6, metrics.areaSquareMillimetres(), 1e-9);
        assertEquals(engine.evaluate(phaseGraph(weighted)).totalAreaSquareMicrometres() / 1e6,
                metrics.areaSquareMillimetres(), 1e-12);
    }

    @Test
    void theDramFieldSetsTheDecodeLatency() {
        // One byte per cycle at 1 GHz: decoding one token at W8 must stream every weight once, so the cycles are at
        // least the non-embedding parameters in bytes. Llama-2-7B has 6,738,415,616 parameters (Meta's model card;
        // HF config: 32 layers, hidden 4096, vocabulary 32000), of which the input embedding (32000 x 4096 =
        // 131,072,000) is a lookup, not a GEMM: 6,607,343,616 bytes. Activations and the 1-token KV cache add < 1%.
        DesignSpace space = Spaces.parse("""
                name: dram
                base: tpu-like-int8
                parameters:
                  - path: dram
                    values:
                      - {custom: {bytesPerCycle: 1, latencyNanoseconds: 100, picojoulesPerBit: 10, capacityGibibytes: 16}}
                      - {custom: {bytesPerCycle: 2, latencyNanoseconds: 100, picojoulesPerBit: 10, capacityGibibytes: 16}}
                  - path: clockMegahertz
                    values: [1000]
                workloads:
                  - {workload: llama-2-7b, phase: decode, context: 1, generate: 1, quant: "W8A8KV8,lm_head:same"}
                objectives: [latency, energy, area]
                """);
        HardwareSpecLoader loader = new HardwareSpecLoader(Spaces.REGISTRY);
        DesignEvaluator evaluator = new DesignEvaluator(Spaces.REGISTRY, space.workloads());
        DesignMetrics oneByte = evaluator.evaluate(loader.fromMap(space.pointSpec(new int[]{0, 0}), "t"));
        DesignMetrics twoBytes = evaluator.evaluate(loader.fromMap(space.pointSpec(new int[]{1, 0}), "t"));
        double weightBytes = 6_738_415_616L - 131_072_000L;
        double cycles = oneByte.latencySeconds() * 1e9;
        assertTrue(cycles >= weightBytes && cycles < weightBytes * 1.01, "cycles " + cycles);
        // the DRAM energy alone: every byte x 8 bits x 10 pJ
        assertTrue(oneByte.energyJoules() >= weightBytes * 8 * 10e-12, "energy " + oneByte.energyJoules());
        // twice the bandwidth halves the memory-bound time (within the compute-bound ops' share)
        assertEquals(0.5, twoBytes.latencySeconds() / oneByte.latencySeconds(), 0.01);
    }

    @Test
    void tiledMemoryMakesTheWeightBufferMatter() {
        // Llama-2-7B prefill of 256 tokens (W8A8): with a 4 KiB weight buffer the tiler cannot keep a projection's
        // weights on chip across the tokens' tiles and re-fetches them from DRAM; with 512 KiB it re-fetches less.
        // The floor mode charges each op's footprint once, whatever the buffers. Both modes share the MAC and SRAM
        // energy, so tiled minus floor energy is the re-fetched DRAM traffic's energy: >= 0, larger when smaller.
        String text = """
                name: buffers
                base: tpu-like-int8
                parameters:
                  - path: buffers.weights.kib
                    values: [4, 512]
                workloads:
                  - {workload: llama-2-7b, phase: prefill, prompt: 256, context: 256, quant: "W8A8KV8,lm_head:same"}
                objectives: [latency, energy, area]
                """;
        DesignSpace floor = Spaces.parse(text);
        DesignSpace tiled = Spaces.parse(text + "memory: tiled\n");
        HardwareSpecLoader loader = new HardwareSpecLoader(Spaces.REGISTRY);
        HardwareSpec small = loader.fromMap(floor.pointSpec(new int[]{0}), "t");
        HardwareSpec large = loader.fromMap(floor.pointSpec(new int[]{1}), "t");
        DesignEvaluator floorEvaluator = new DesignEvaluator(Spaces.REGISTRY, floor.workloads(), floor.memory());
        DesignEvaluator tiledEvaluator = new DesignEvaluator(Spaces.REGISTRY, tiled.workloads(), tiled.memory());
        DesignMetrics floorSmall = floorEvaluator.evaluate(small);
        DesignMetrics floorLarge = floorEvaluator.evaluate(large);
        DesignMetrics tiledSmall = tiledEvaluator.evaluate(small);
        DesignMetrics tiledLarge = tiledEvaluator.evaluate(large);
        assertEquals(floorSmall.latencySeconds(), floorLarge.latencySeconds(), "floor: buffers do not set time");
        double refetchSmall = tiledSmall.energyJoules() - floorSmall.energyJoules();
        double refetchLarge = tiledLarge.energyJoules() - floorLarge.energyJoules();
        assertTrue(refetchLarge >= -1e-9 * floorLarge.energyJoules(), "re-fetch energy " + refetchLarge);
        assertTrue(refetchSmall > refetchLarge, refetchSmall + " vs " + refetchLarge);
        // the tiled model moves at least each op's footprint, so it is never faster than the floor
        assertTrue(tiledSmall.latencySeconds() >= floorSmall.latencySeconds() * (1 - 1e-12));
        assertTrue(tiledLarge.latencySeconds() >= floorLarge.latencySeconds() * (1 - 1e-12));
    }

    private static PhaseGraph phaseGraph(DesignSpace space) {
        return Spaces.REGISTRY.workload("llama-2-7b").orElseThrow().build(space.workloads().get(0).settings()).get(0);
    }

    /** Reads a store without appending (test helper). */
    private record ResultStoreReader(Path dir) {
        List<StoredDesign> designs() {
            List<StoredDesign> designs = new java.util.ArrayList<>();
            try (ResultStore ignored = ResultStore.open(dir, true, d -> {
                designs.add(d);
                return new double[0];
            }, 0)) {
                return designs;
            }
        }
    }

    @Test
    void constraintsMarkDesignsInfeasibleAndKeepThemOffTheFront() {
        // every design carries tpu-like-int8's 192 KiB of SRAM (0.285 mm^2) and its vector unit (0.034 mm^2), so
        // 0.5 mm^2 leaves room for small arrays only
        DesignSpace constrained = Spaces.parse(Spaces.SMALL + "constraints: {maxAreaSquareMillimetres: 0.5}\n");
        ExploreSummary summary = new Explorer(Spaces.REGISTRY).run(new ExploreRequest(constrained, "space.yaml",
                tmp.resolve("c"), Strategy.GRID, 0, 1, 2, false, "test"), ExploreProgress.NONE);
        assertTrue(summary.feasible() > 0 && summary.feasible() < summary.stored(),
                summary.feasible() + " of " + summary.stored());
        Set<String> front = new HashSet<>();
        summary.pareto().forEach(d -> front.add(d.id()));
        for (StoredDesign d : new ResultStoreReader(tmp.resolve("c")).designs()) {
            boolean small = d.metrics().areaSquareMillimetres() <= 0.5;
            assertEquals(small, d.feasible(), d.id());
            if (!small) {
                assertFalse(front.contains(d.id()));
                assertEquals(List.of("maxAreaSquareMillimetres"), d.missed());
            }
        }
    }
}
