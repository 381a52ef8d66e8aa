package io.bitforge.core.engine;

/** Compute cycles of one {@code m × k × n} tile on the array, from the PE family's fold model. */
@FunctionalInterface
public interface TileCycles {
    long cycles(long m, long k, long n);
}
