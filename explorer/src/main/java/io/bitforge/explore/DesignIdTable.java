package io.bitforge.explore;

import java.util.HashMap;
import java.util.Map;

/**
 * The ids of a store's designs, each with its position in the store, in primitive arrays: a design id (DESIGN.md:
 * the first 16 hex digits of a SHA-256) is kept as the 64-bit number it spells, so a million designs take about
 * 24 MB instead of the hundreds a set of strings takes. Ids that are not 16 hex digits (a hand-edited store) go
 * to a small side map. Not thread-safe; {@link ResultStore} guards it.
 */
final class DesignIdTable {
    private static final int ID_HEX_DIGITS = 16;

    private long[] keys = new long[1 << 10];
    /** Position + 1; 0 marks an empty slot. */
    private int[] positions = new int[1 << 10];
    private int used;
    private final Map<String, Integer> irregular = new HashMap<>();

    /** The position stored with {@code id}, or -1. */
    int position(String id) {
        if (!regular(id)) {
            return irregular.getOrDefault(id, -1);
        }
        long key = Long.parseUnsignedLong(id, 16);
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (positions[i] == 0) {
                return -1;
            }
            if (keys[i] == key) {
                return positions[i] - 1;
            }
        }
    }

    /** Adds {@code id} at {@code position}; the caller has checked that it is absent. */
    void add(String id, int position) {
        if (!regular(id)) {
            irregular.put(id, position);
            return;
        }
        if (2 * (used + 1) > keys.length) { // load factor at most 1/2
            grow();
        }
        insert(Long.parseUnsignedLong(id, 16), position + 1);
        used++;
    }

    private void insert(long key, int positionPlusOne) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (positions[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        positions[i] = positionPlusOne;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldPositions = positions;
        keys = new long[oldKeys.length * 2];
        positions = new int[oldPositions.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldPositions[i] != 0) {
                insert(oldKeys[i], oldPositions[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads ids that share low bits
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private static boolean regular(String id) {
        if (id.length() != ID_HEX_DIGITS) {
            return false;
        }
        for (int i = 0; i < ID_HEX_DIGITS; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
