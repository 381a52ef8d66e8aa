package io.bitforge.simulation.reproduce;

import java.util.ArrayList;
import java.util.List;

/**
 * BitMoD's artefact cycle model written out again, independently of the engine and of BitForge's model zoo: the
 * per-layer formula of research notes §2.2 (yc2367/BitMoD-HPCA-25 bitmod_sim/accelerator.py: tiles, compute =
 * tiles x pe_latency, bytes with w_prec, the 512 KiB re-fetch rule, DRAM cycles = bits / 256 truncated, layer =
 * max) over the artefact's layer list (pe_array.py _init_model_profiler with its 2-D shapes; every nn.Linear of the
 * Hugging Face model including lm_head). Model shapes are typed in from the models' Hugging Face config.json files.
 */
final class BitmodArtefactFormula {
    private static final long BUFFER_BYTES = 512 * 1024;
    /** A 128-bit bus at double data rate moves 256 bits per cycle (accelerator.py _calc_dram_cycle). */
    private static final long DRAM_BITS_PER_CYCLE = 256;

    private BitmodArtefactFormula() {
    }

    /** The config.json numbers the artefact reads: hidden, heads, kv heads, FFN width, layers, vocabulary. */
    record Shape(String name, long hidden, long heads, long kvHeads, long ffn, long layers, long vocab,
                 boolean gated) {
    }

    /** facebook/opt-1.3b, microsoft/phi-2, 01-ai/Yi-6B, meta-llama/Llama-2-7b-hf, Llama-2-13b-hf, Meta-Llama-3-8B. */
    static final List<Shape> MODELS = List.of(
            new Shape("OPT-1.3B", 2048, 32, 32, 8192, 24, 50272, false),
            new Shape("Phi-2", 2560, 32, 32, 10240, 32, 51200, false),
            new Shape("Yi-6B", 4096, 32, 4, 11008, 32, 64000, true),
            new Shape("Llama-2-7B", 4096, 32, 32, 11008, 32, 32000, true),
            new Shape("Llama-2-13B", 5120, 40, 40, 13824, 40, 32000, true),
            new Shape("Llama-3-8B", 4096, 32, 8, 14336, 32, 128256, true));

    /**
     * One artefact layer: weight [cout, cin], the output's first dimension (tokens), the input's width, whether it is
     * an attention product (w_prec = 16), how many times it occurs.
     */
    private record Layer(long cout, long cin, long tokens, double inputWidth, boolean attention, long count) {
    }

    /** A design as test_*.py configures it: array h x w, dot-product size, bit-serial or not, weight precision. */
    record Design(long rows, long cols, long dotProduct, boolean bitSerial, double weightBits) {
        long latency() {
            return bitSerial ? (long) Math.ceil(Math.floor(weightBits) / 2) : 1;
        }
    }

    /** Layer cycles summed, compute cycles (tiles x latency) summed, and DRAM bits moved. */
    record Totals(long cycles, long computeCycles, long dramBits) {
    }

    static long cycles(Shape model, boolean decode, long context, Design design) {
        return totals(model, decode, context, design).cycles();
    }

    static Totals totals(Shape model, boolean decode, long context, Design design) {
        long total = 0;
        long computeTotal = 0;
        long bitsTotal = 0;
        for (Layer layer : layers(model, decode, context)) {
            long tiles = ceil(layer.cin(), design.dotProduct()) * ceil(layer.cout(), design.rows())
                    * ceil(layer.tokens(), design.cols());
            long compute = tiles * design.latency();
            double weightBits = layer.attention() ? 16 : design.weightBits();
            long weightBytes = (long) Math.ceil(layer.cin() * weightBits / 8) * layer.cout();
            long inputBytes = (long) Math.ceil(layer.inputWidth() * 16 / 8) * layer.tokens();
            long outputBytes = layer.cout() * 2 * layer.tokens();
            long weightFetches = 1;
            long inputFetches = 1;
            if (weightBytes > BUFFER_BYTES && inputBytes > BUFFER_BYTES) {
                long inputTimes = ceil(weightBytes, BUFFER_BYTES);
                long weightTimes = ceil(inputBytes, BUFFER_BYTES);
                if (weightTimes * weightBytes + inputBytes < inputTimes * inputBytes + weightBytes) {
                    weightFetches = weightTimes;
                } else {
                    inputFetches = inputTimes;
                }
            }
            long bits = 8 * weightBytes * weightFetches + 8 * outputBytes + 8 * inputBytes * inputFetches;
            long dram = bits / DRAM_BITS_PER_CYCLE;
            total += Math.max(compute, dram) * layer.count();
            computeTotal += compute * layer.count();
            bitsTotal += bits * layer.count();
        }
        return new Totals(total, computeTotal, bitsTotal);
    }

    private static List<Layer> layers(Shape m, boolean decode, long context) {
        long tokens = decode ? 1 : context;
        long kv = m.hidden() * m.kvHeads() / m.heads();
        List<Layer> layers = new ArrayList<>();
        long[][] linear = m.gated()
                ? new long[][] {{m.hidden(), m.hidden()}, {kv, m.hidden()}, {kv, m.hidden()}, {m.hidden(), m.hidden()},
                        {m.ffn(), m.hidden()}, {m.ffn(), m.hidden()}, {m.hidden(), m.ffn()}}
                : new long[][] {{m.hidden(), m.hidden()}, {kv, m.hidden()}, {kv, m.hidden()}, {m.hidden(), m.hidden()},
                        {m.ffn(), m.hidden()}, {m.hidden(), m.ffn()}};
        for (long[] w : linear) {
            layers.add(new Layer(w[0], w[1], tokens, w[1], false, m.layers()));
        }
        layers.add(new Layer(m.vocab(), m.hidden(), tokens, m.hidden(), false, 1));
        double inputWidth = (double) m.hidden() / m.heads() * m.kvHeads();
        if (decode) {
            // attn_qk: weight [1, hidden], output [heads, context]; attn_v: weight [heads, context], output [1, hidden]
            layers.add(new Layer(1, m.hidden(), m.heads(), inputWidth, true, m.layers()));
            layers.add(new Layer(m.heads(), context, 1, inputWidth, true, m.layers()));
        } else {
            // attn_qk: weight [context, hidden], output [heads*context, context]; attn_v: weight
            // [heads*context, context], output [context, hidden]
            layers.add(new Layer(context, m.hidden(), m.heads() * context, inputWidth, true, m.layers()));
            layers.add(new Layer(m.heads() * context, context, context, inputWidth, true, m.layers()));
        }
        return layers;
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
