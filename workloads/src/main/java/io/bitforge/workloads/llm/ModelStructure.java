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

    /** The attention output projection: (heads × value width) × hidden. */
    public WeightTensor output() {
        return new WeightTensor("o_proj", model.attention().contextWidth(), hidden(), model.layers());
    }

    /**
     * The projections that produce the attention inputs, in execution order: Q, K, V (or one fused QKV); with
     * multi-head latent attention the query projection (direct, or compressed {@code q_a_proj} then
     * {@code q_b_proj}), the joint KV compression {@code kv_a_proj_with_mqa} (latent + shared rotary key) and the
     * per-head up-projection {@code kv_b_proj} (HF {@code DeepseekV2Attention}).
     */
    public List<WeightTensor> attentionProjections() {
        AttentionShape attention = model.attention();
        long layers = model.layers();
        if (attention.isLatent()) {
            LatentAttention mla = attention.latent();
            List<WeightTensor> list = new ArrayList<>();
            if (mla.qLoraRank() == 0) {
                list.add(new WeightTensor("q_proj", hidden(), attention.queryWidth(), layers));
            } else {
                list.add(new WeightTensor("q_a_proj", hidden(), mla.qLoraRank(), layers));
                list.add(new WeightTensor("q_b_proj", mla.qLoraRank(), attention.queryWidth(), layers));
            }
            list.add(new WeightTensor("kv_a_proj_with_mqa", hidden(), mla.cachedPerToken(), layers));
            list.add(new WeightTensor("kv_b_proj", mla.kvLoraRank(),
                    (long) attention.heads() * (mla.nopeHeadDim() + mla.valueHeadDim()), layers));
            return List.copyOf(list);
        }
        if (attention.fusedQkv()) {
            return List.of(new WeightTensor("qkv_proj", hidden(), attention.queryWidth() + 2 * attention.kvWidth(),
                    layers));
        }
        return List.of(query(), key(), value());
    }

    /** The MLP projections of one routed expert (or of the dense MLP of every layer), in execution order. */
    public List<WeightTensor> mlpProjections() {
        if (model.mlp().isMoe()) {
            return mlp("expert_", intermediate(), (long) model.moeLayers() * model.mlp().experts());
        }
        return mlp("", intermediate(), model.layers());
    }

    /** DeepSeek's shared experts, run as one MLP on every token of every MoE layer; empty otherwise. */
    public List<WeightTensor> sharedExpertProjections() {
        int width = model.mlp().sharedIntermediate();
        return model.mlp().isMoe() && width > 0 ? mlp("shared_", width, model.moeLayers()) : List.of();
    }

    /** The dense MLPs of DeepSeek's first {@code first_k_dense_replace} layers; empty otherwise. */
    public List<WeightTensor> denseLayerProjections() {
        MlpShape shape = model.mlp();
        return shape.isMoe() && shape.denseLayers() > 0 ? mlp("dense_", shape.denseIntermediate(), shape.denseLayers())
                : List.of();
    }

    private List<WeightTensor> mlp(String prefix, long width, long copies) {
        if (model.mlp().kind() == MlpKind.GATED) {
            if (model.mlp().fusedGateUp()) {
                return List.of(new WeightTensor(prefix + "gate_up_proj", hidden(), 2 * width, copies),
                        new WeightTensor(prefix + "down_proj", width, hidden(), copies));
            }
            return List.of(new WeightTensor(prefix + "gate_proj", hidden(), width, copies),
                    new WeightTensor(prefix + "up_proj", hidden(), width, copies),
                    new WeightTensor(prefix + "down_proj", width, hidden(), copies));
        }
        return List.of(new WeightTensor(prefix + "fc1", hidden(), width, copies),
                new WeightTensor(prefix + "fc2", width, hidden(), copies));
    }

    /** The MoE router (hidden × experts, as Mixtral's {@code gate}) of every MoE layer; absent for dense models. */
    public List<WeightTensor> router() {
        return model.mlp().isMoe()
                ? List.of(new WeightTensor("router", hidden(), model.mlp().experts(), model.moeLayers()))
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
        for (WeightTensor projection : attentionProjections()) {
            tensors.add(projection);
            if (attention.isLatent() && projection.name().equals("q_a_proj")) {
                tensors.add(norm("q_a_layernorm", projection.cols(), layers));
            }
            if (attention.isLatent() && projection.name().equals("kv_a_proj_with_mqa")) {
                tensors.add(norm("kv_a_layernorm", attention.latent().kvLoraRank(), layers));
            }
        }
        if (attention.qkvBias()) {
            tensors.add(new WeightTensor("qkv_bias", 1, attention.queryWidth() + 2 * attention.kvWidth(), layers));
        }
        if (attention.qkNorm()) {
            tensors.add(norm("q_norm", attention.headDim(), layers));
            tensors.add(norm("k_norm", attention.headDim(), layers));
        }
        if (attention.sinks()) {
            tensors.add(new WeightTensor("sinks", 1, attention.heads(), layers));
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
        if (model.sandwichNorms()) {
            tensors.add(norm("attn_output_norm", hidden(), layers));
            tensors.add(norm("mlp_output_norm", hidden(), layers));
        }
        for (WeightTensor router : router()) {
            tensors.add(router);
            if (model.mlp().routerBias()) {
                tensors.add(new WeightTensor("router_bias", 1, router.cols(), router.copies()));
            }
        }
        List<WeightTensor> projections = new ArrayList<>(denseLayerProjections());
        projections.addAll(sharedExpertProjections());
        projections.addAll(mlpProjections());
        for (WeightTensor projection : projections) {
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

    /** The weights of the quantised datapath: attention projections and every MLP (router and lm_head aside). */
    public List<WeightTensor> quantisedWeights() {
        List<WeightTensor> list = new ArrayList<>(attentionProjections());
        list.add(output());
        list.addAll(denseLayerProjections());
        list.addAll(sharedExpertProjections());
        list.addAll(mlpProjections());
        return List.copyOf(list);
    }

    /** Parameters that are GEMM weights: projections, MLPs and router (lm_head aside). */
    public long gemmWeightCount() {
        long total = quantisedWeights().stream().mapToLong(WeightTensor::elements).sum();
        total += router().stream().mapToLong(WeightTensor::elements).sum();
        return total;
    }

    /**
     * KV cache elements for {@code sequences} sequences of {@code tokens} tokens: K and V (or MLA's latent and
     * rotary key) of every layer; a sliding-window layer keeps only its window's tokens.
     */
    public long kvCacheElements(long sequences, long tokens) {
        SlidingWindow window = model.attention().window();
        long layerTokens = Math.addExact(Math.multiplyExact((long) model.layers() - window.layers(), tokens),
                Math.multiplyExact(window.layers(), window.cap(tokens)));
        return Math.multiplyExact(Math.multiplyExact(model.attention().cachedPerToken(), sequences), layerTokens);
    }
}
