package io.bitforge.core.cost;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the hardware did: multiply-accumulates by precision pair (key {@code <activation format>x<weight format>},
 * e.g. {@code int8xint8}), SRAM element reads and writes per operand buffer, and DRAM bytes per operand.
 * Arrays are indexed by {@link Operand#ordinal()}; the value is immutable.
 */
public final class ActionCounts {
    public static final ActionCounts ZERO = new ActionCounts(Map.of(), new long[3], new long[3], new long[3]);

    private final Map<String, Long> macsByPrecision;
    private final long[] sramReads;
    private final long[] sramWrites;
    private final long[] dramBytes;

    private ActionCounts(Map<String, Long> macsByPrecision, long[] sramReads, long[] sramWrites, long[] dramBytes) {
        this.macsByPrecision = macsByPrecision;
        this.sramReads = sramReads;
        this.sramWrites = sramWrites;
        this.dramBytes = dramBytes;
    }

    /** Counts of one op: MACs at one precision pair and per-operand SRAM/DRAM traffic (arrays by operand). */
    public static ActionCounts of(String precisionPair, long macs, long[] sramReads, long[] sramWrites,
                                  long[] dramBytes) {
        Map<String, Long> macMap = macs == 0 ? Map.of() : Map.of(precisionPair, macs);
        return new ActionCounts(macMap, checked(sramReads), checked(sramWrites), checked(dramBytes));
    }

    private static long[] checked(long[] perOperand) {
        if (perOperand.length != Operand.values().length) {
            throw new IllegalArgumentException("need one count per operand, got " + perOperand.length);
        }
        for (long value : perOperand) {
            if (value < 0) {
                throw new IllegalArgumentException("counts must be >= 0, got " + value);
            }
        }
        return perOperand.clone();
    }

    public long macs() {
        long sum = 0;
        for (long value : macsByPrecision.values()) {
            sum += value;
        }
        return sum;
    }

    /** MACs per precision pair, sorted by key. */
    public Map<String, Long> macsByPrecision() {
        return Collections.unmodifiableMap(new TreeMap<>(macsByPrecision));
    }

    public long sramReads(Operand operand) {
        return sramReads[operand.ordinal()];
    }

    public long sramWrites(Operand operand) {
        return sramWrites[operand.ordinal()];
    }

    public long dramBytes(Operand operand) {
        return dramBytes[operand.ordinal()];
    }

    public ActionCounts plus(ActionCounts other) {
        Map<String, Long> macs = new TreeMap<>(macsByPrecision);
        other.macsByPrecision.forEach((k, v) -> macs.merge(k, v, Math::addExact));
        return new ActionCounts(Collections.unmodifiableMap(macs), add(sramReads, other.sramReads),
                add(sramWrites, other.sramWrites), add(dramBytes, other.dramBytes));
    }

    public ActionCounts times(long factor) {
        Map<String, Long> macs = new TreeMap<>();
        macsByPrecision.forEach((k, v) -> macs.put(k, Math.multiplyExact(v, factor)));
        return new ActionCounts(Collections.unmodifiableMap(macs), scale(sramReads, factor),
                scale(sramWrites, factor), scale(dramBytes, factor));
    }

    private static long[] add(long[] a, long[] b) {
        long[] sum = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = Math.addExact(a[i], b[i]);
        }
        return sum;
    }

    private static long[] scale(long[] a, long factor) {
        long[] product = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            product[i] = Math.multiplyExact(a[i], factor);
        }
        return product;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionCounts other && macsByPrecision.equals(other.macsByPrecision)
                && java.util.Arrays.equals(sramReads, other.sramReads)
                && java.util.Arrays.equals(sramWrites, other.sramWrites)
                && java.util.Arrays.equals(dramBytes, other.dramBytes);
    }

    @Override
    public int hashCode() {
        return macsByPrecision.hashCode() * 31 + java.util.Arrays.hashCode(sramReads);
    }

    @Override
    public String toString() {
        return "ActionCounts[macs=" + macsByPrecision + ", sramReads=" + java.util.Arrays.toString(sramReads)
                + ", sramWrites=" + java.util.Arrays.toString(sramWrites) + ", dramBytes="
                + java.util.Arrays.toString(dramBytes) + "]";
    }
}
