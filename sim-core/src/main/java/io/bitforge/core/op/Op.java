package io.bitforge.core.op;

/**
 * One operation of a workload's op graph, repeated {@link #count()} times (layers × heads × steps ...).
 * GEMMs run on the PE array; vector ops on the vector unit.
 */
public sealed interface Op permits GemmOp, VectorOp {
    String name();

    OpKind kind();

    /** How many identical instances this op stands for. */
    long count();

    /** Arithmetic operations of all instances, a multiply-add counted as 2. */
    double totalOps();
}
