package io.bitforge.verilog.hdl;

import java.util.SortedMap;

/**
 * The Java behaviour of a black box, so designs that instantiate FPGA primitives simulate in Java. Values are
 * canonical longs (sign-extended when the port is signed), indexed in the order of the black box's inputs and
 * outputs (clock pins excluded).
 */
public interface ExternModel {
    /** Computes the outputs from the current inputs and state. */
    void evaluate(long[] inputs, long[] outputs);

    /** A rising clock edge: updates the state from the pre-edge inputs. */
    void clockEdge(long[] inputs);

    /** Creates a model for one instance's parameters; rejects parameter sets it does not model. */
    interface Factory {
        ExternModel create(SortedMap<String, Long> params);
    }
}
