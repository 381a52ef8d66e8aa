package io.bitforge.verilog.area;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A design's generic gates after {@link GenericSynthesis} (cell type to count), their combinational area in NAND2
 * equivalents ({@link GateWeights}) and the flip-flops, counted apart; {@link #totalNand2Equivalents} adds the
 * flip-flops at {@link GateWeights#FLIP_FLOP}.
 */
public record GateCount(SortedMap<String, Integer> gates, double logicNand2Equivalents, int flipFlops) {
    public GateCount {
        gates = Collections.unmodifiableSortedMap(new TreeMap<>(gates));
    }

    public double totalNand2Equivalents() {
        return logicNand2Equivalents + flipFlops * GateWeights.FLIP_FLOP;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gates", gates);
        m.put("logicNand2Equivalents", GateWeights.round(logicNand2Equivalents));
        m.put("flipFlops", flipFlops);
        m.put("totalNand2Equivalents", GateWeights.round(totalNand2Equivalents()));
        return m;
    }
}
