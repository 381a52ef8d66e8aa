package io.bitforge.explore;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/** Choice vectors for the grid and random strategies. */
final class DesignSampler {
    private DesignSampler() {
    }

    /** Every design of the grid in canonical order (an odometer, last parameter fastest). */
    static Iterator<int[]> grid(int[] radices) {
        return new Iterator<>() {
            private int[] next = new int[radices.length];

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public int[] next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                int[] current = next.clone();
                int i = radices.length - 1;
                while (i >= 0 && ++next[i] == radices[i]) {
                    next[i] = 0;
                    i--;
                }
                if (i < 0) {
                    next = null;
                }
                return current;
            }
        };
    }

    /**
     * {@code count} distinct designs drawn uniformly (each parameter's index uniform and independent), in draw
     * order; {@code count} must not exceed the grid size. When the sample is most of the grid, the grid is
     * shuffled instead (Fisher–Yates), so drawing never stalls.
     */
    static List<int[]> distinct(int[] radices, long count, SearchRandom random) {
        BigInteger size = BigInteger.ONE;
        for (int r : radices) {
            size = size.multiply(BigInteger.valueOf(r));
        }
        if (size.compareTo(BigInteger.valueOf(count)) < 0) {
            throw new IllegalArgumentException("sample of " + count + " from a grid of " + size);
        }
        List<int[]> sample = new ArrayList<>();
        if (size.compareTo(BigInteger.valueOf(Math.max(2 * count, 1))) <= 0) {
            List<int[]> all = new ArrayList<>();
            grid(radices).forEachRemaining(all::add);
            for (int i = all.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int[] t = all.get(i);
                all.set(i, all.get(j));
                all.set(j, t);
            }
            return new ArrayList<>(all.subList(0, (int) count));
        }
        Set<List<Integer>> seen = new HashSet<>();
        while (sample.size() < count) {
            int[] choice = new int[radices.length];
            for (int i = 0; i < radices.length; i++) {
                choice[i] = random.nextInt(radices[i]);
            }
            if (seen.add(Arrays.stream(choice).boxed().toList())) {
                sample.add(choice);
            }
        }
        return sample;
    }

    /** Sorts choice vectors into canonical (lexicographic) order. */
    static List<int[]> canonical(List<int[]> choices) {
        List<int[]> sorted = new ArrayList<>(choices);
        sorted.sort(Arrays::compare);
        return sorted;
    }
}
