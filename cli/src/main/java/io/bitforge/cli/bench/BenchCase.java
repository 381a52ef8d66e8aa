package io.bitforge.cli.bench;

/**
 * One thing {@code bitforge bench} measures: its name, what one unit of work is, and how to set it up. The
 * prepared {@link Work} is called repeatedly; each call does some units and returns how many.
 */
public record BenchCase(String name, String unit, String description, int threads, Setup setup) {

    /** Builds the work once, outside the timed rounds (registry, specs, op graphs). */
    @FunctionalInterface
    public interface Setup {
        Work prepare();
    }

    /** One timed call: does the work and returns the units done (e.g. 1 evaluation, or N cycles). */
    @FunctionalInterface
    public interface Work {
        long run();
    }
}
