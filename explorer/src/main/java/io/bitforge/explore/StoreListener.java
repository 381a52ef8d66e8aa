package io.bitforge.explore;

/**
 * What a {@link ResultStore} tells its owner about each design as it is read back on resume or appended, in
 * store order. The store keeps no design in memory, only its id and the numbers returned here.
 */
@FunctionalInterface
public interface StoreListener {
    /** Keeps nothing. */
    StoreListener NONE = design -> new double[0];

    /** Called once per stored design; returns the numbers to keep for it (length {@link ResultStore}'s vector length). */
    double[] stored(StoredDesign design);
}
