package io.bitforge.memory.scalesim;

import java.util.Arrays;

/**
 * The addresses a CALC-mode read buffer has added since its window last slid (SCALE-Sim v2/v3
 * read_buffer_estimate_bw.py: an address hits exactly when a set of the current window holds it). Open addressing
 * with an epoch stamp per slot, so that a slide empties the set in O(1): a slot whose stamp is older is free. A
 * lookup may stop at the first free slot because nothing is removed within an epoch, so every slot between a key's
 * hash and its place was taken in this epoch before it. Holds at most the window's addresses (grown as needed).
 */
final class EpochAddressSet {
    private long[] keys = new long[1 << 10];
    private int[] stamps = new int[1 << 10];
    private int epoch = 1; // stamps start at 0: every slot free
    private int size;

    /** Adds {@code address} to the current epoch; true when it was not there yet. */
    boolean add(long address) {
        int mask = keys.length - 1;
        for (int i = index(address, mask); ; i = (i + 1) & mask) {
            if (stamps[i] != epoch) {
                keys[i] = address;
                stamps[i] = epoch;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return true;
            }
            if (keys[i] == address) {
                return false;
            }
        }
    }

    /** The window slid: nothing is in it any more. */
    void nextEpoch() {
        epoch++;
        size = 0;
        if (epoch == Integer.MAX_VALUE) { // stamps would wrap: start over with fresh slots
            Arrays.fill(stamps, 0);
            epoch = 1;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldStamps = stamps;
        keys = new long[oldKeys.length * 2];
        stamps = new int[oldStamps.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldStamps[j] == epoch) {
                int i = index(oldKeys[j], mask);
                while (stamps[i] == epoch) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                stamps[i] = epoch;
            }
        }
    }

    private static int index(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
