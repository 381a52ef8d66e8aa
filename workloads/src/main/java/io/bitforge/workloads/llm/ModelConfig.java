package io.bitforge.workloads.llm;

import java.util.Objects;

/**
 * The architecture of a decoder-only transformer as its Hugging Face {@code config.json} describes it: the
 * numbers the op-graph builder and the parameter count need, nothing trained. Built by {@link HfConfigLoader},
 * which checks every field against the file it came from.
 *
 * @param id                    registry id, e.g. {@code llama-2-7b}
 * @param name                  display name, e.g. {@code Llama-2-7B}
 * @param source                the configuration file the numbers come from
 * @param modelType             HF {@code model_type} (one of {@link HfConfigLoader#SUPPORTED})
 * @param hiddenSize            model width
 * @param layers                decoder layers
 * @param vocabSize             vocabulary (rows of the embedding table and columns of lm_head)
 * @param maxPositions          longest sequence the model was configured for
 * @param norm                  RMSNorm or LayerNorm
 * @param tiedEmbeddings        lm_head shares the embedding table's weights
 * @param lmHeadBias            lm_head carries a bias (Phi-2)
 * @param parallelBlock         attention and MLP read the same normed input and add to the residual together
 *                              (Phi-2: one norm per layer)
 * @param subNorms              BitNet b1.58's extra norms before the output and down projections ("subln")
 * @param positionEmbeddingRows rows of a learned position table (OPT: max positions + 2); 0 with rotary
 * @param attention             the attention block
 * @param mlp                   the feed-forward block
 * @param sandwichNorms         two more norms per layer, on the attention and MLP outputs before each residual add
 *                              (Gemma 2 {@code post_attention_layernorm}/{@code post_feedforward_layernorm})
 * @param finalLogitSoftcap     logits pass through cap·tanh(x/cap) (Gemma 2 {@code final_logit_softcapping}); 0 = none
 * @param contextLimit          longest context the model supports: {@code max_position_embeddings}, or the rope
 *                              scaling factor times the original length when that is longer
 */
public record ModelConfig(String id, String name, String source, String modelType, int hiddenSize, int layers,
                          int vocabSize, int maxPositions, NormKind norm, boolean tiedEmbeddings,
                          boolean lmHeadBias, boolean parallelBlock, boolean subNorms, int positionEmbeddingRows,
                          AttentionShape attention, MlpShape mlp, boolean sandwichNorms,
                          double finalLogitSoftcap, long contextLimit) {

    public ModelConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(norm, "norm");
        Objects.requireNonNull(attention, "attention");
        Objects.requireNonNull(mlp, "mlp");
    }

    /** Layers whose MLP is a mixture of experts (all but DeepSeek's first dense ones; none for a dense model). */
    public int moeLayers() {
        return mlp.isMoe() ? layers - mlp.denseLayers() : 0;
    }

    /** Grouped-query attention: several query heads share each key/value head. */
    public boolean isGqa() {
        return attention.kvHeads() < attention.heads();
    }
}
