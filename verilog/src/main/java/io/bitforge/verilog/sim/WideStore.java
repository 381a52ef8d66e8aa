package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Shape;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The values of the nets wider than 64 bits. Each wide slot owns {@code ceil(width / 64)} consecutive words of
 * {@link #words}, least significant first, holding its canonical value extended by its signedness through the
 * top word (the layout {@link WideWords} computes on; the compiled kernel reads and writes it directly). The
 * interpreter reads and writes {@link BigInteger}s through {@link #get} and {@link #set}, which keep a cache of
 * those numbers unless {@link #dropCache} was called (the compiled kernel writes the words directly). The slot
 * numbering is shared with the {@code long[]} of the narrow nets; a wide net's entry there stays unused.
 */
final class WideStore {
    long[] words = new long[0];
    /** The compiled kernel's pending register words: the same layout as {@link #words}. */
    long[] pendingWords = new long[0];
    private final java.util.Map<Integer, Shape> declared = new java.util.HashMap<>();
    private int[] offset = new int[0];
    private Shape[] shapes = new Shape[0];
    private BigInteger[] cache = new BigInteger[0];
    private int[] wideSlotList = new int[0];
    private boolean cached = true;

    void declare(int slot, Shape shape) {
        declared.put(slot, shape);
    }

    void allocate(int slots) {
        offset = new int[slots];
        shapes = new Shape[slots];
        cache = new BigInteger[slots];
        wideSlotList = declared.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int next = 0;
        for (int slot : wideSlotList) {
            shapes[slot] = declared.get(slot);
            offset[slot] = next;
            next += wordCount(shapes[slot].width());
        }
        words = new long[next];
        pendingWords = new long[next];
        Arrays.fill(cache, BigInteger.ZERO);
    }

    static int wordCount(int width) {
        return (width + 63) >>> 6;
    }

    int offset(int slot) {
        return offset[slot];
    }

    Shape shape(int slot) {
        return shapes[slot];
    }

    BigInteger get(int slot) {
        BigInteger value = cached ? cache[slot] : null;
        if (value == null) {
            value = WideWords.toBigInteger(words, offset[slot], wordCount(shapes[slot].width()), shapes[slot].signed());
            if (cached) {
                cache[slot] = value;
            }
        }
        return value;
    }

    /** The value of a slot's pending register words (compiled engine). */
    BigInteger pending(int slot) {
        return WideWords.toBigInteger(pendingWords, offset[slot], wordCount(shapes[slot].width()),
                shapes[slot].signed());
    }

    void set(int slot, BigInteger value) {
        WideWords.fromBigInteger(value, words, offset[slot], wordCount(shapes[slot].width()));
        cache[slot] = value;
    }

    /** Moves a register's pending words into its value (compiled engine). */
    void commitPending(int slot) {
        System.arraycopy(pendingWords, offset[slot], words, offset[slot], wordCount(shapes[slot].width()));
        cache[slot] = null;
    }

    /** From now on every {@link #get} reads the words: the compiled kernel writes them behind the cache's back. */
    void dropCache() {
        cached = false;
    }
}
