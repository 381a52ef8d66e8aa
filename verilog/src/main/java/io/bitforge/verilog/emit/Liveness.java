package io.bitforge.verilog.emit;

import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.Wire;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one emission pass found unread, for the next pass: wires no other logic reads (not printed at all, so
 * neither is the logic only they read) and instance outputs nothing reads (printed as nets named
 * {@code *_unused}, Verilator's own convention for an output left open on purpose, since an empty pin
 * connection is itself a lint warning). The emitter repeats passes until nothing new is found.
 */
record Liveness(Set<Wire> deadWires, Map<Instance, Set<String>> unreadOutputs) {
    static Liveness none() {
        return new Liveness(Collections.newSetFromMap(new IdentityHashMap<>()), new IdentityHashMap<>());
    }

    boolean isDead(Wire w) {
        return deadWires.contains(w);
    }

    boolean isUnread(Instance i, String port) {
        return unreadOutputs.getOrDefault(i, Set.of()).contains(port);
    }

    int size() {
        return deadWires.size() + unreadOutputs.values().stream().mapToInt(Set::size).sum();
    }
}
