package io.bitforge.workloads.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter tensors of a decoder-only transformer, derived from its {@link ModelConfig} the way the
 * transformers modelling code instantiates them. The op-graph builder takes every GEMM's weight shape from here,
 * and the parameter count is the sum of these tensors: computed from the structure, never stored.
 */
public final class ModelStructure {
    private final ModelConfig model;

    public ModelStructure(ModelConfig model) {
        this.model = model;
    }

    public ModelConfig model() {
        return model;
    }

    public long hidden() {
        return model.hiddenSize();
    }

    public long intermediate() {
        return model.mlp().intermediateSize();
    }

    /** Weight of the Q projection: hidden × (heads × headDim). */
    public WeightTensor query() {
        return new WeightTensor("q_proj", hidden(), model.attention().queryWidth(), model.layers());
    }

    /** Weight of the K (or V) projection: hidden × (kvHeads × headDim). */
    public WeightTensor key() {
        return new WeightTensor("k_proj", hidden(), model.attention().kvWidth(), model.layers());
    }

    public WeightTensor value() {
        return new WeightTensor("v_proj", hidden(), model.attention().kvWidth(), model.layers());
    }

    /** The attention output projection: (heads × headDim) × hidden. */
    public WeightTensor output() {
        return new WeightTensor("o_proj", model.attention().queryWidth(), hidden(), model.layers());
    }

    /** The MLP projections of one expert (or the dense MLP), in execution order. */
    public List<WeightTensor> mlpProjections() {
        long copies = (long) model.layers() * model.mlp().experts();
        String prefix = model.mlp().isMoe() ? "expert_" : "";
        if (model.mlp().kind() == MlpKind.GATED) {
            return List.of(new WeightTensor(prefix + "gate_proj", hidden(), intermediate(), copies),
                    new WeightTensor(prefix + "up_proj", hidden(), intermediate(), copies),
                    new WeightTensor(prefix + "down_proj", intermediate(), hidden(), copies));
        }
        return List.of(new WeightTensor(prefix + "fc1", hidden(), intermediate(), copies),
                new WeightTensor(prefix + "fc2", intermediate(), hidden(), copies));
    }

    /** The MoE router (hidden × experts, no bias, as Mixtral's {@code gate}); absent for dense models. */
    public List<WeightTensor> router() {
        return model.mlp().isMoe()
                ? List.of(new WeightTensor("router", hidden(), model.mlp().experts(), model.layers()))
                : List.of();
    }

    public WeightTensor lmHead() {
        return new WeightTensor("lm_head", hidden(), model.vocabSize(), 1);
    }

    /** Every parameter tensor, embeddings, norms and biases included. */
    public List<WeightTensor> tensors() {
        long layers = model.layers();
        AttentionShape attention = model.attention();
        List<WeightTensor> tensors = new ArrayList<>();
        tensors.add(new WeightTensor("embed_tokens", model.vocabSize(), hidden(), 1));
        if (model.positionEmbeddingRows() > 0) {
            tensors.add(new WeightTensor("embed_positions", model.positionEmbeddingRows(), hidden(), 1));
        }
        tensors.add(norm("input_layernorm", hidden(), layers));
        tensors.add(query());
        tensors.add(key());
        tensors.add(value());
        if (attention.qkvBias()) {
            tensors.add(new WeightTensor("qkv_bias", 1, attention.queryWidth() + 2 * attention.kvWidth(), layers));
        }
        if (model.subNorms()) {
            tensors.add(norm("attn_sub_norm", attention.queryWidth(), layers));
        }
        tensors.add(output());
        if (attention.outputBias()) {
            tensors.add(new WeightTensor("o_bias", 1, hidden(), layers));
        }
        if (!model.parallelBlock()) {
            tensors.add(norm("post_attention_layernorm", hidden(), layers));
        }
        tensors.addAll(router());
        for (WeightTensor projection : mlpProjections()) {
            tensors.add(projection);
            if (model.mlp().bias()) {
                tensors.add(new WeightTensor(projection.name() + "_bias", 1, projection.cols(), projection.copies()));
            }
        }
        if (model.subNorms()) {
            tensors.add(norm("ffn_sub_norm", intermediate(), layers));
        }
        tensors.add(norm("final_norm", hidden(), 1));
        if (!model.tiedEmbeddings()) {
            tensors.add(lmHead());
        }
        if (model.lmHeadBias()) {
            tensors.add(new WeightTensor("lm_head_bias", 1, model.vocabSize(), 1));
        }
        return List.copyOf(tensors);
    }

    private WeightTensor norm(String name, long width, long copies) {
        return new WeightTensor(name, 1, model.norm().parameters(width), copies);
    }

    /** Parameters of the model: the sum of {@link #tensors()}. */
    public long parameterCount() {
        return tensors().stream().mapToLong(WeightTensor::elements).sum();
    }

    /** Parameters that are GEMM weights (the quantised ones): projections, router and an untied lm_head. */
    public long gemmWeightCount() {
        long total = query().elements() + key().elements() + value().elements() + output().elements();
        total += mlpProjections().stream().mapToLong(WeightTensor::elements).sum();
        total += router().stream().mapToLong(WeightTensor::elements).sum();
        return total;
    }

    /** KV cache elements for {@code sequences} sequences of {@code tokens} tokens: K and V of every layer. */
    public long kvCacheElements(long sequences, long tokens) {
        return Math.multiplyExact(Math.multiplyExact(2L * model.layers() * model.attention().kvWidth(), sequences),
                tokens);
    }
}
