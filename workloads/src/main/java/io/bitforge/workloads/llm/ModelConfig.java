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
 * @param modelType             HF {@code model_type} (llama, mistral, mixtral, qwen2, opt, phi, bitnet)
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
 */
public record ModelConfig(String id, String name, String source, String modelType, int hiddenSize, int layers,
                          int vocabSize, int maxPositions, NormKind norm, boolean tiedEmbeddings,
                          boolean lmHeadBias, boolean parallelBlock, boolean subNorms, int positionEmbeddingRows,
                          AttentionShape attention, MlpShape mlp) {

    public ModelConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(norm, "norm");
        Objects.requireNonNull(attention, "attention");
        Objects.requireNonNull(mlp, "mlp");
    }

    /** Grouped-query attention: several query heads share each key/value head. */
    public boolean isGqa() {
        return attention.kvHeads() < attention.heads();
    }
}
