package io.bitforge.explore;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import org.uma.jmetal.operator.crossover.impl.IntegerSBXCrossover;
import org.uma.jmetal.operator.mutation.impl.IntegerPolynomialMutation;
import org.uma.jmetal.operator.selection.impl.RankingAndCrowdingSelection;
import org.uma.jmetal.solution.integersolution.IntegerSolution;
import org.uma.jmetal.solution.integersolution.impl.DefaultIntegerSolution;
import org.uma.jmetal.util.bounds.Bounds;
import org.uma.jmetal.util.comparator.dominanceComparator.impl.DominanceWithConstraintsComparator;
import org.uma.jmetal.util.densityestimator.impl.CrowdingDistanceDensityEstimator;
import org.uma.jmetal.util.ranking.Ranking;
import org.uma.jmetal.util.ranking.impl.FastNonDominatedSortRanking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NSGA-II (Deb, Pratap, Agarwal and Meyarivan, "A fast and elitist multiobjective genetic algorithm: NSGA-II",
 * IEEE TEVC 6(2), 2002) over a space's choice vectors, built from jMetal's parts: integer SBX crossover
 * (probability 0.9, distribution index 20), integer polynomial mutation (probability 1/parameters, index 20),
 * fast non-dominated sorting with constraint domination and crowding-distance survival
 * ({@link RankingAndCrowdingSelection}); binary tournaments on rank then crowding distance.
 *
 * <p>Every random draw comes from this search's own {@link SearchRandom} (the operators take it as their
 * generator), never from jMetal's global singleton. After each generation the population (choices, objectives,
 * constraints), the generation number and the generator's state are saved atomically, so {@code --resume}
 * continues from the last completed generation and reaches exactly the same designs as an uninterrupted run.
 */
final class Nsga2Search {
    static final String STATE_FILE = "nsga2-state.json";
    private static final double CROSSOVER_PROBABILITY = 0.9;
    private static final double DISTRIBUTION_INDEX = 20.0;

    /** Objectives (to minimise) and constraint values (jMetal's convention: negative = violated) of designs. */
    interface Scorer {
        List<Score> score(List<int[]> choices);
    }

    record Score(double[] objectives, double[] constraints) {
    }

    private final int[] radices;
    private final int objectives;
    private final int constraints;
    private final int populationSize;
    private final int generations;
    private final long seed;
    private final Path stateFile;

    Nsga2Search(int[] radices, int objectives, int constraints, int populationSize, int generations, long seed,
                Path stateFile) {
        if (populationSize < 2 || populationSize % 2 != 0) {
            throw new IllegalArgumentException("population must be even and >= 2, got " + populationSize);
        }
        this.radices = radices.clone();
        this.objectives = objectives;
        this.constraints = constraints;
        this.populationSize = populationSize;
        this.generations = generations;
        this.seed = seed;
        this.stateFile = stateFile;
    }

    /** Runs (or resumes) the search; returns the final population's choices. */
    List<int[]> run(Scorer scorer, boolean resume) {
        SearchRandom random;
        List<IntegerSolution> population;
        int generation;
        if (resume && Files.exists(stateFile)) {
            Map<String, Object> state = readState();
            generation = ((Number) state.get("generation")).intValue();
            random = SearchRandom.restore(((Number) state.get("randomState")).longValue());
            population = restorePopulation(state);
        } else {
            random = new SearchRandom(seed);
            List<IntegerSolution> initial = new ArrayList<>();
            for (int i = 0; i < populationSize; i++) {
                IntegerSolution s = newSolution();
                for (int v = 0; v < radices.length; v++) {
                    s.variables().set(v, random.nextInt(radices[v]));
                }
                initial.add(s);
            }
            evaluate(initial, scorer);
            population = initial;
            generation = 0;
            saveState(generation, random, population);
        }
        SearchRandom rng = random;
        IntegerSBXCrossover crossover = new IntegerSBXCrossover(CROSSOVER_PROBABILITY, DISTRIBUTION_INDEX,
                rng::nextDouble);
        IntegerPolynomialMutation mutation = new IntegerPolynomialMutation(1.0 / Math.max(1, radices.length),
                DISTRIBUTION_INDEX, (value, lower, upper) -> Math.max(lower, Math.min(upper, value)), rng::nextDouble);
        while (generation < generations) {
            Ranking<IntegerSolution> ranking = new FastNonDominatedSortRanking<IntegerSolution>(
                    new DominanceWithConstraintsComparator<IntegerSolution>()).compute(population);
            Map<IntegerSolution, Double> crowding = new java.util.IdentityHashMap<>();
            CrowdingDistanceDensityEstimator<IntegerSolution> density = new CrowdingDistanceDensityEstimator<>();
            for (int f = 0; f < ranking.getNumberOfSubFronts(); f++) {
                List<IntegerSolution> front = ranking.getSubFront(f);
                density.compute(front);
                front.forEach(s -> crowding.put(s, density.value(s)));
            }
            List<IntegerSolution> offspring = new ArrayList<>();
            while (offspring.size() < populationSize) {
                IntegerSolution a = tournament(population, ranking, crowding, rng);
                IntegerSolution b = tournament(population, ranking, crowding, rng);
                for (IntegerSolution child : crossover.execute(List.of(a, b))) {
                    IntegerSolution mutated = mutation.execute(child);
                    // Keep every index a value of its parameter, whatever rounding the operators do.
                    for (int v = 0; v < radices.length; v++) {
                        mutated.variables().set(v, Math.max(0, Math.min(radices[v] - 1, mutated.variables().get(v))));
                    }
                    offspring.add(mutated);
                }
            }
            evaluate(offspring, scorer);
            List<IntegerSolution> merged = new ArrayList<>(population);
            merged.addAll(offspring);
            population = new RankingAndCrowdingSelection<IntegerSolution>(populationSize,
                    new DominanceWithConstraintsComparator<IntegerSolution>()).execute(merged);
            generation++;
            saveState(generation, rng, population);
        }
        List<int[]> result = new ArrayList<>();
        population.forEach(s -> result.add(choice(s)));
        return result;
    }

    private IntegerSolution tournament(List<IntegerSolution> population, Ranking<IntegerSolution> ranking,
                                       Map<IntegerSolution, Double> crowding, SearchRandom rng) {
        IntegerSolution a = population.get(rng.nextInt(population.size()));
        IntegerSolution b = population.get(rng.nextInt(population.size()));
        int rankA = ranking.getRank(a);
        int rankB = ranking.getRank(b);
        if (rankA != rankB) {
            return rankA < rankB ? a : b;
        }
        return crowding.get(b) > crowding.get(a) ? b : a;
    }

    private void evaluate(List<IntegerSolution> solutions, Scorer scorer) {
        List<int[]> choices = new ArrayList<>();
        solutions.forEach(s -> choices.add(choice(s)));
        List<Score> scores = scorer.score(choices);
        for (int i = 0; i < solutions.size(); i++) {
            System.arraycopy(scores.get(i).objectives(), 0, solutions.get(i).objectives(), 0, objectives);
            System.arraycopy(scores.get(i).constraints(), 0, solutions.get(i).constraints(), 0, constraints);
        }
    }

    private IntegerSolution newSolution() {
        List<Bounds<Integer>> bounds = new ArrayList<>();
        for (int r : radices) {
            bounds.add(Bounds.create(0, r - 1));
        }
        return new DefaultIntegerSolution(bounds, objectives, constraints);
    }

    static int[] choice(IntegerSolution s) {
        return s.variables().stream().mapToInt(Integer::intValue).toArray();
    }

    private void saveState(int generation, SearchRandom random, List<IntegerSolution> population) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("generation", generation);
        state.put("randomState", random.state());
        List<Map<String, Object>> members = new ArrayList<>();
        for (IntegerSolution s : population) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("choice", choice(s));
            m.put("objectives", s.objectives());
            m.put("constraints", s.constraints());
            members.add(m);
        }
        state.put("population", members);
        Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, Json.write(state), StandardCharsets.UTF_8);
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + stateFile, e);
        }
    }

    private Map<String, Object> readState() {
        try {
            return Json.mapper().readValue(Files.readString(stateFile), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new BadInputException(stateFile + ": cannot read the saved NSGA-II state: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private List<IntegerSolution> restorePopulation(Map<String, Object> state) {
        List<IntegerSolution> population = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) state.get("population")) {
            IntegerSolution s = newSolution();
            List<Number> choice = (List<Number>) m.get("choice");
            List<Number> obj = (List<Number>) m.get("objectives");
            List<Number> con = (List<Number>) m.get("constraints");
            if (choice.size() != radices.length || obj.size() != objectives || con.size() != constraints) {
                throw new BadInputException(stateFile + ": the saved NSGA-II state does not match the space");
            }
            for (int v = 0; v < radices.length; v++) {
                s.variables().set(v, choice.get(v).intValue());
            }
            for (int o = 0; o < objectives; o++) {
                s.objectives()[o] = obj.get(o).doubleValue();
            }
            for (int c = 0; c < constraints; c++) {
                s.constraints()[c] = con.get(c).doubleValue();
            }
            population.add(s);
        }
        return population;
    }
}
