package io.bitforge.explore;

/**
 * The searches' random source: SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014; the generator of {@code java.util.SplittableRandom}) with its one-word state exposed,
 * so a search can save it with its population and resume exactly. One instance per search, never shared: jMetal's
 * global {@code JMetalRandom} singleton is not used, so concurrent searches in one JVM do not disturb each other.
 */
public final class SearchRandom {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private long state;

    public SearchRandom(long seed) {
        this.state = seed;
    }

    /** The generator's state, to save and restore with {@link #restore(long)}. */
    public long state() {
        return state;
    }

    public static SearchRandom restore(long state) {
        return new SearchRandom(state);
    }

    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), without modulo bias (java.util.Random's rejection rule on 31 random bits). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        int m = bound - 1;
        int r = (int) (nextLong() >>> 33);
        for (int u = r; u - (r = u % bound) + m < 0; u = (int) (nextLong() >>> 33)) {
            // the draw fell in the short last interval: draw again
        }
        return r;
    }
}
