package io.bitforge.workloads.llm;

import io.bitforge.core.io.Json;
import io.bitforge.core.workload.PhaseGraph;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graph MAC totals against closed forms written independently of the builder, for random dense GQA models. */
class GraphMacsProperties {
    private static ModelConfig model(int headDim, int kvHeads, int group, int intermediate, int layers, int vocab) {
        int heads = kvHeads * group;
        return HfConfigLoader.parse(Json.mapper().valueToTree(Map.of("model_type", "llama",
                "hidden_size", heads * headDim, "intermediate_size", intermediate, "num_hidden_layers", layers,
                "num_attention_heads", heads, "num_key_value_heads", kvHeads, "vocab_size", vocab)),
                "random.json", "random", "random", "test");
    }

    /** MACs of one token through one layer's projections and gated MLP. */
    private static long linearMacsPerToken(long h, long heads, long kvHeads, long headDim, long intermediate) {
        return h * heads * headDim + 2 * h * kvHeads * headDim + heads * headDim * h + 3 * h * intermediate;
    }

    @Property(tries = 200)
    void prefillMacsMatchTheClosedForm(@ForAll @IntRange(min = 1, max = 8) int headDimQuarter,
                                       @ForAll @IntRange(min = 1, max = 4) int kvHeads,
                                       @ForAll @IntRange(min = 1, max = 4) int group,
                                       @ForAll @IntRange(min = 1, max = 64) int intermediate,
                                       @ForAll @IntRange(min = 1, max = 3) int layers,
                                       @ForAll @IntRange(min = 1, max = 50) int vocab,
                                       @ForAll @IntRange(min = 1, max = 3) int batch,
                                       @ForAll @IntRange(min = 1, max = 40) int prompt) {
        int headDim = 4 * headDimQuarter;
        ModelConfig model = model(headDim, kvHeads, group, intermediate, layers, vocab);
        long h = (long) kvHeads * group * headDim;
        long heads = (long) kvHeads * group;
        PhaseGraph prefill = Graphs.builder(model, "W16A16").prefill(batch, prompt);
        long tokens = (long) batch * prompt;
        long expected = layers * (tokens * linearMacsPerToken(h, heads, kvHeads, headDim, intermediate)
                + 2L * batch * heads * prompt * prompt * headDim) + batch * h * vocab;
        assertEquals(expected, prefill.graph().totalMacs());
    }

    @Property(tries = 200)
    void decodeMacsBoundTheClosedFormWithinOneKeyPerStep(@ForAll @IntRange(min = 1, max = 4) int kvHeads,
                                                          @ForAll @IntRange(min = 1, max = 4) int group,
                                                          @ForAll @IntRange(min = 1, max = 3) int layers,
                                                          @ForAll @IntRange(min = 1, max = 3) int batch,
                                                          @ForAll @IntRange(min = 0, max = 300) int context,
                                                          @ForAll @IntRange(min = 1, max = 200) int generated) {
        int headDim = 8;
        ModelConfig model = model(headDim, kvHeads, group, 32, layers, 20);
        long h = (long) kvHeads * group * headDim;
        long heads = (long) kvHeads * group;
        PhaseGraph decode = Graphs.builder(model, "W16A16").decode(batch, context, generated);
        long keys = 0;
        for (long i = 0; i < generated; i++) {
            keys += context + i + 1;
        }
        long linear = (long) generated * batch * (layers * linearMacsPerToken(h, heads, kvHeads, headDim, 32)
                + h * 20);
        long attentionPerKey = 2L * batch * layers * heads * headDim;
        long macs = decode.graph().totalMacs();
        assertTrue(macs >= linear + attentionPerKey * keys, macs + " < exact");
        assertTrue(macs < linear + attentionPerKey * (keys + generated), macs + " too high");
    }
}
