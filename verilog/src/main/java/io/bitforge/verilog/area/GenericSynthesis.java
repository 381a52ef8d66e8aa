package io.bitforge.verilog.area;

import io.bitforge.verilog.tools.SynthFlow;
import io.bitforge.verilog.tools.SynthReport;
import io.bitforge.verilog.tools.ToolException;
import io.bitforge.verilog.tools.Yosys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Technology-independent synthesis: Yosys {@code synth -flatten}, flip-flops legalised to plain D flip-flops (their
 * enables and resets become gates, as a standard-cell flow without enable flops would build them), then ABC to the
 * fixed cell set AND, NAND, OR, NOR, XOR, XNOR, MUX (and NOT). Deterministic: the same Verilog gives the same
 * counts with one Yosys version.
 */
public final class GenericSynthesis {
    static final String CELL_SET = "AND,NAND,OR,NOR,XOR,XNOR,MUX";

    private GenericSynthesis() {
    }

    /** Synthesises {@code files} (in {@code dir}) and weighs the gates. */
    public static GateCount gates(Path dir, List<String> files, String top, Duration timeout) {
        String commands = "synth -flatten -top " + top + "; dfflegalize -cell $_DFF_P_ 01; abc -g " + CELL_SET
                + "; opt_clean";
        SynthReport r = Yosys.synthScript(dir, files, commands, SynthFlow.GENERIC, null, timeout);
        return weigh(r.cellsByType());
    }

    static GateCount weigh(Map<String, Integer> cells) {
        double logic = 0;
        int flipFlops = 0;
        for (Map.Entry<String, Integer> e : cells.entrySet()) {
            if (e.getKey().equals(GateWeights.FLIP_FLOP_CELL)) {
                flipFlops += e.getValue();
                continue;
            }
            Double weight = GateWeights.LOGIC.get(e.getKey());
            if (weight == null) {
                throw new ToolException("generic synthesis left a cell outside the fixed set: " + e.getKey()
                        + " (" + e.getValue() + ")");
            }
            logic += weight * e.getValue();
        }
        return new GateCount(new java.util.TreeMap<>(cells), logic, flipFlops);
    }
}
