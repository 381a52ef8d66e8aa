package io.bitforge.workloads.diffusion;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.ConvOp;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the ops of one network pass in execution order and, from the same calls, the parameters the
 * structure declares (weights, biases, norm affines, embedding tables), so parameter counts come from the
 * graph structure. Vector ops use LLM-Viewer's fixed operations per element (hahnyuan/LLM-Viewer,
 * {@code model_analyzer.py}): norm 7, softmax 5, add 1, activation 2; an adaLN modulation x·(1+scale)+shift
 * counts 2. Vector-unit data is fp16.
 */
final class GraphBuilder {
    static final Precision VECTOR = Precision.FP16;

    private final DiffusionQuant quant;
    private final List<Op> ops = new ArrayList<>();
    private long parameters;
    private long lowRankParameters;

    GraphBuilder(DiffusionQuant quant) {
        this.quant = quant;
    }

    /** y[rows × out] = x[rows × in] · W[in × out] (+ bias). */
    void linear(String name, LayerKind layer, OpKind kind, long rows, long in, long out, boolean bias) {
        declare(Math.multiplyExact(in, out) + (bias ? out : 0));
        weightGemm(name, layer, kind, rows, in, out);
    }

    /**
     * A square-image convolution with zero padding, lowered to a GEMM through {@link ConvOp} (SCALE-Sim's
     * lowering on the padded input): M = batch × output pixels, K = kernel² × in, N = out. Output side
     * {@code floor((side + 2·padding − kernel) / stride) + 1}, as PyTorch's Conv2d.
     *
     * @return the output side length
     */
    long conv(String name, LayerKind layer, long batch, long side, long in, long out, int kernel, int stride,
              int padding) {
        // PyTorch's Conv2d floors the output size; SCALE-Sim's rule (ConvOp) takes a last partial window. The
        // rows past the last full window are never read, so trimming them makes both rules give PyTorch's size.
        long padded = side + 2L * padding;
        long read = padded - (padded - kernel) % stride;
        ConvOp conv = new ConvOp(name, read, read, kernel, kernel, in, out, stride);
        declare(Math.multiplyExact(conv.filterHeight() * conv.filterWidth() * in, out) + out);
        long pixels = conv.outputHeight() * conv.outputWidth();
        weightGemm(name, layer, OpKind.CONV, Math.multiplyExact(batch, pixels), conv.filterHeight()
                * conv.filterWidth() * in, out);
        return conv.outputHeight();
    }

    private void weightGemm(String name, LayerKind layer, OpKind kind, long m, long k, long n) {
        LayerPrecision p = quant.of(layer);
        ops.add(new GemmOp(name, kind, m, k, n, 1, p.activations(), p.weights(), VECTOR, BOperand.WEIGHTS,
                p.weightGroupSize()));
        int rank = quant.svdquantRank();
        if (rank > 0 && p.weights().bits() <= 4) {
            // SVDQuant: X·L1 (K × r) then ·L2 (r × N) at 16 bits, summed with the 4-bit GEMM's output.
            lowRankParameters += (long) rank * (k + n);
            ops.add(new GemmOp(name + ".lowrank_down", OpKind.LOW_RANK, m, k, rank, 1, VECTOR, VECTOR, VECTOR,
                    BOperand.WEIGHTS, 0));
            ops.add(new GemmOp(name + ".lowrank_up", OpKind.LOW_RANK, m, rank, n, 1, VECTOR, VECTOR, VECTOR,
                    BOperand.WEIGHTS, 0));
        }
    }

    /** Scaled dot-product attention per (batch × head): Q·Kᵀ, softmax, P·V; both GEMM operands activations. */
    void attention(String name, long batch, long heads, long queries, long keys, long headDim) {
        LayerPrecision p = quant.of(LayerKind.MATMUL);
        long instances = Math.multiplyExact(batch, heads);
        ops.add(new GemmOp(name + ".scores", OpKind.ATTENTION_SCORE, queries, headDim, keys, instances,
                p.activations(), p.weights(), VECTOR, BOperand.ACTIVATIONS, 0));
        ops.add(new VectorOp(name + ".softmax", OpKind.SOFTMAX, Math.multiplyExact(queries, keys), 5, 1, 0,
                instances, VECTOR));
        ops.add(new GemmOp(name + ".context", OpKind.ATTENTION_CONTEXT, queries, keys, headDim, instances,
                p.activations(), p.weights(), VECTOR, BOperand.ACTIVATIONS, 0));
    }

    /** LayerNorm or GroupNorm over rows × channels; affine adds scale and shift per channel. */
    void norm(String name, long rows, long channels, boolean affine) {
        long affineParameters = affine ? 2 * channels : 0;
        declare(affineParameters);
        ops.add(new VectorOp(name, OpKind.NORM, Math.multiplyExact(rows, channels), 7, 1, affineParameters, 1,
                VECTOR));
    }

    /** RMSNorm (T5's LayerNorm without mean or bias): a scale per channel; counted at a norm's 7 ops. */
    void rmsNorm(String name, long rows, long channels) {
        declare(channels);
        ops.add(new VectorOp(name, OpKind.NORM, Math.multiplyExact(rows, channels), 7, 1, channels, 1, VECTOR));
    }

    /** SiLU / GELU over {@code elements}. */
    void activation(String name, long elements) {
        ops.add(new VectorOp(name, OpKind.ACTIVATION, elements, 2, 1, 0, 1, VECTOR));
    }

    /** Residual or broadcast add of two tensors. */
    void add(String name, long elements) {
        ops.add(new VectorOp(name, OpKind.ELEMENTWISE, elements, 1, 2, 0, 1, VECTOR));
    }

    /** adaLN modulation x·(1+scale)+shift (2 ops per element), or a gate multiply (1). */
    void modulate(String name, long elements, double opsPerElement) {
        ops.add(new VectorOp(name, OpKind.ELEMENTWISE, elements, opsPerElement, 1, 0, 1, VECTOR));
    }

    /** Pure data movement: skip concatenation, nearest-neighbour upsampling (reads and writes, no arithmetic). */
    void copy(String name, long elements) {
        ops.add(new VectorOp(name, OpKind.OTHER, elements, 0, 1, 0, 1, VECTOR));
    }

    /** Sinusoidal embedding of {@code rows} scalars into {@code width} features (sin and cos per pair). */
    void sinusoid(String name, long rows, long width) {
        ops.add(new VectorOp(name, OpKind.EMBEDDING, Math.multiplyExact(rows, width), 2, 0, 0, 1, VECTOR));
    }

    /** An embedding table of {@code tableRows × width} read for {@code lookups} rows. */
    void lookup(String name, long lookups, long tableRows, long width) {
        declare(Math.multiplyExact(tableRows, width));
        ops.add(new VectorOp(name, OpKind.EMBEDDING, Math.multiplyExact(lookups, width), 0, 0,
                Math.multiplyExact(lookups, width), 1, VECTOR));
    }

    /** A learned table added element-wise to {@code rows × width} activations (positional table, DiT). */
    void addTable(String name, long rows, long width, long tableParameters) {
        declare(tableParameters);
        ops.add(new VectorOp(name, OpKind.ELEMENTWISE, Math.multiplyExact(rows, width), 1, 1,
                Math.multiplyExact(rows, width), 1, VECTOR));
    }

    /** Parameters that exist in the structure but are not read by a separate op (e.g. a scale-shift table). */
    void declare(long count) {
        parameters = Math.addExact(parameters, count);
    }

    long parameters() {
        return parameters;
    }

    long lowRankParameters() {
        return lowRankParameters;
    }

    OpGraph graph(String name) {
        return new OpGraph(name, ops);
    }
}
