/**
 * Quantisation of real matrices onto the number formats: {@link io.bitforge.core.quant.Quantizer} (per tensor,
 * channel or group; symmetric or asymmetric; ties to the lower value by default) produces a
 * {@link io.bitforge.core.quant.QuantizedTensor} (codes, scales, zero points, per-group choices, bits per element
 * with metadata); {@link io.bitforge.core.quant.QuantError} measures MSE, SQNR and the largest error.
 */
package io.bitforge.core.quant;
