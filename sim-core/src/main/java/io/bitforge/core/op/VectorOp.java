package io.bitforge.core.op;

import java.util.Objects;

/**
 * An element-wise or reduction op on the vector unit (softmax, norm, rotary, residual add, activation,
 * dequantisation, embedding gather), repeated {@code count} times.
 *
 * @param elements          output elements of one instance
 * @param opsPerElement     arithmetic operations per output element (e.g. 5 for softmax, 7 for a norm,
 *                          LLM-Viewer's convention)
 * @param inputsPerElement  activation elements read per output element (2 for a residual add)
 * @param parameterElements static parameters read by one instance (norm weights, embedding rows)
 */
public record VectorOp(String name, OpKind kind, long elements, double opsPerElement, int inputsPerElement,
                       long parameterElements, long count, Precision precision) implements Op {

    public VectorOp {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(precision, "precision");
        if (elements < 1 || count < 1) {
            throw new IllegalArgumentException(name + ": elements and count must be >= 1, got " + elements
                    + " and " + count);
        }
        if (opsPerElement < 0 || inputsPerElement < 0 || parameterElements < 0) {
            throw new IllegalArgumentException(name + ": ops, inputs and parameters per element must be >= 0");
        }
    }

    @Override
    public double totalOps() {
        return opsPerElement * elements * count;
    }

    public VectorOp withCount(long newCount) {
        return new VectorOp(name, kind, elements, opsPerElement, inputsPerElement, parameterElements, newCount,
                precision);
    }
}
