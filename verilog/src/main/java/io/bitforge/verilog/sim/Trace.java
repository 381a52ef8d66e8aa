package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.hdl.WideBits;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Top-level port values per cycle: row {@code c} holds every signal just before rising edge {@code c}, with
 * the inputs applied and the combinational logic settled. Values are canonical longs (signed ones
 * sign-extended); a signal wider than 64 bits is kept as a {@link BigInteger} ({@link #wideValue}) and its long
 * entry is unused. The reset is recorded as the input {@code rst}.
 */
public final class Trace {
    private final List<TraceSignal> signals;
    private final List<long[]> rows = new ArrayList<>();
    private final List<BigInteger[]> wideRows = new ArrayList<>();

    public Trace(List<TraceSignal> signals) {
        this.signals = List.copyOf(signals);
    }

    public List<TraceSignal> signals() {
        return signals;
    }

    public int indexOf(String name) {
        for (int i = 0; i < signals.size(); i++) {
            if (signals.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no traced signal " + name);
    }

    public void add(long[] row) {
        if (row.length != signals.size()) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + signals.size() + " signals");
        }
        rows.add(row.clone());
        wideRows.add(null);
    }

    /** A row whose wide signals' values are in {@code wide} (null for the others). */
    public void add(long[] row, BigInteger[] wide) {
        add(row);
        wideRows.set(wideRows.size() - 1, wide.clone());
    }

    /** The value of signal {@code index} in {@code cycle} as a number, for any width. */
    public BigInteger wideValue(int cycle, int index) {
        Shape shape = signals.get(index).shape();
        if (shape.wide()) {
            BigInteger[] w = wideRows.get(cycle);
            return w == null || w[index] == null ? BigInteger.ZERO : w[index];
        }
        return WideBits.fromCanonical(rows.get(cycle)[index], shape);
    }

    /** The raw bit pattern of signal {@code index} in {@code cycle} (non-negative, at most its width). */
    public BigInteger pattern(int cycle, int index) {
        return WideBits.pattern(wideValue(cycle, index), signals.get(index).shape().width());
    }

    public int cycles() {
        return rows.size();
    }

    public long value(int cycle, String name) {
        int index = indexOf(name);
        if (signals.get(index).shape().wide()) {
            throw new IllegalArgumentException("signal " + name + " is wider than 64 bits; use wideValue");
        }
        return rows.get(cycle)[index];
    }

    public List<long[]> rows() {
        return Collections.unmodifiableList(rows);
    }
}
