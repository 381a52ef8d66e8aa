package io.bitforge.verilog.pe;

import io.bitforge.verilog.hdl.ModuleDef;

/**
 * A decoder between one edge's operand buffers and the first cell of each row (activations) or column (weights),
 * e.g. OliVe's outlier-victim pair decoder: combinational, with ports {@code word} u({@code codesPerWord}·code
 * bits: the buffer word, one step's code per slot, slot 0 in the low bits), {@code slot}
 * u(max(1, ceil(log2 codesPerWord))): which step of the word this cycle feeds, and {@code operand}
 * u({@code operandBits}): what the cell's {@code a_in}/{@code b_in} lane receives. The array registers the output
 * (one pipeline stage, the family's {@code CellTiming.edgeStageCycles}); lanes per cell must be 1 on this edge.
 *
 * @param codesPerWord steps one buffer word holds (2: an OVP pair, decoded as a whole, fed one slot per step)
 */
public record EdgeDecoder(ModuleDef module, int codesPerWord, int operandBits) {
    public EdgeDecoder {
        if (codesPerWord < 1 || codesPerWord > 2 || operandBits < 1 || operandBits > 64) {
            throw new IllegalArgumentException("an edge decoder takes 1 or 2 codes per word and gives 1..64 bits, got "
                    + codesPerWord + " and " + operandBits);
        }
    }
}
