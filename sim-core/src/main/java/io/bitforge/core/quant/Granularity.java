package io.bitforge.core.quant;

/**
 * Which values share one set of quantisation metadata: the whole tensor, one output channel (a row of the
 * [out, in] weight matrix) or a group of G consecutive values along the reduction dimension within a row.
 */
public enum Granularity {
    TENSOR, CHANNEL, GROUP
}
