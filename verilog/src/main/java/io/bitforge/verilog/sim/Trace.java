package io.bitforge.verilog.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Top-level port values per cycle: row {@code c} holds every signal just before rising edge {@code c}, with
 * the inputs applied and the combinational logic settled. Values are canonical longs (signed ones
 * sign-extended). The reset is recorded as the input {@code rst}.
 */
public final class Trace {
    private final List<TraceSignal> signals;
    private final List<long[]> rows = new ArrayList<>();

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
    }

    public int cycles() {
        return rows.size();
    }

    public long value(int cycle, String name) {
        return rows.get(cycle)[indexOf(name)];
    }

    public List<long[]> rows() {
        return Collections.unmodifiableList(rows);
    }
}
