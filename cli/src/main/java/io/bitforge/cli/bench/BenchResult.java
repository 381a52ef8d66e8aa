package io.bitforge.cli.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured rounds of one {@link BenchCase}: units per wall-clock second in each round, and in each window of
 * the steady-state check that ended the warm-up, with whether two successive windows agreed.
 */
public record BenchResult(BenchCase benchCase, List<Double> unitsPerSecond, List<Double> warmupUnitsPerSecond,
                          boolean steadyState) {

    public double median() {
        double[] sorted = unitsPerSecond.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public double min() {
        return unitsPerSecond.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    public double max() {
        return unitsPerSecond.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", benchCase.name());
        map.put("unit", benchCase.unit());
        map.put("description", benchCase.description());
        map.put("threads", benchCase.threads());
        map.put("medianPerSecond", median());
        map.put("minPerSecond", min());
        map.put("maxPerSecond", max());
        map.put("roundsPerSecond", List.copyOf(unitsPerSecond));
        map.put("warmupWindowsPerSecond", List.copyOf(warmupUnitsPerSecond));
        map.put("steadyState", steadyState);
        return map;
    }

    static BenchResult of(BenchCase benchCase, double[] rounds, List<Double> warmup, boolean steady) {
        return new BenchResult(benchCase, Arrays.stream(rounds).boxed().toList(), List.copyOf(warmup), steady);
    }
}
