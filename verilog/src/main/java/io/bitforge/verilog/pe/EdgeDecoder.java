package io.bitforge.verilog.pe;

import io.bitforge.verilog.hdl.ModuleDef;

/**
 * A decoder between one edge's operand buffers and the first cell of each row (activations) or column (weights),
 * e.g. OliVe's outlier-victim pair decoder: combinational, with ports {@code word} u({@code codesPerWord}·code
 * bits: the buffer word, one step's code per slot, slot 0 in the low bits), {@code slot}
 * u(max(1, ceil(log2 codesPerWord))): which step of the word this cycle feeds (only when {@code codesPerWord} &gt; 1),
 * and {@code operand} u({@code operandBits}): what the cell's {@code a_in}/{@code b_in} receives.
 *
 * <p>With {@code stageCycles} = 1 the array registers the output (one pipeline stage, the family's
 * {@code CellTiming.edgeStageCycles}); lanes per cell must be 1 on this edge. With {@code stageCycles} = 0 the
 * decoder sits combinationally between the buffer's registered read data and the row's skew registers (e.g. the LUT
 * tensor core's table precompute: a step's activations in, its tables out), the timing is unchanged, and the operand
 * may carry all of a step's lanes.
 *
 * @param codesPerWord steps one buffer word holds (2: an OVP pair, decoded as a whole, fed one slot per step)
 * @param stageCycles  pipeline registers the array adds after the decoder: 1, or 0 for a combinational edge unit
 */
public record EdgeDecoder(ModuleDef module, int codesPerWord, int operandBits, int stageCycles) {
    public EdgeDecoder {
        if (codesPerWord < 1 || codesPerWord > 2 || operandBits < 1 || operandBits > 4096
                || stageCycles < 0 || stageCycles > 1 || stageCycles == 0 && codesPerWord != 1) {
            throw new IllegalArgumentException("an edge decoder takes 1 or 2 codes per word (1 without a stage), "
                    + "gives 1..4096 bits and has 0 or 1 stages, got " + codesPerWord + ", " + operandBits + " and "
                    + stageCycles);
        }
    }

    /** A decoder followed by one pipeline stage. */
    public EdgeDecoder(ModuleDef module, int codesPerWord, int operandBits) {
        this(module, codesPerWord, operandBits, 1);
    }
}
