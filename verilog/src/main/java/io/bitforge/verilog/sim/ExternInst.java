package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.ExternModel;
import io.bitforge.verilog.hdl.Shape;

/** A black-box instance driven through its Java model. */
final class ExternInst {
    final ExternModel model;
    final Eval[] inputs;
    final int[] outputSlots;
    final long[] inputValues;
    final long[] outputValues;
    final Shape[] outputShapes;

    ExternInst(ExternModel model, Eval[] inputs, int[] outputSlots, Shape[] outputShapes) {
        this.model = model;
        this.inputs = inputs;
        this.outputSlots = outputSlots;
        this.outputShapes = outputShapes;
        this.inputValues = new long[inputs.length];
        this.outputValues = new long[outputSlots.length];
    }

    void gather(long[] v) {
        for (int i = 0; i < inputs.length; i++) {
            inputValues[i] = inputs[i].eval(v);
        }
    }

    void evaluate(long[] v) {
        gather(v);
        model.evaluate(inputValues, outputValues);
        for (int i = 0; i < outputSlots.length; i++) {
            v[outputSlots[i]] = outputShapes[i].canonical(outputValues[i]);
        }
    }

    void edge(long[] v) {
        gather(v);
        model.clockEdge(inputValues);
    }
}
