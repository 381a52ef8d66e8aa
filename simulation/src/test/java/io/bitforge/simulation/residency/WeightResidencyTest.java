package io.bitforge.simulation.residency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.simulation.OpResult;
import io.bitforge.simulation.PhaseResult;
import io.bitforge.simulation.SimulationReport;
import io.bitforge.simulation.SimulationRun;
import io.bitforge.workloads.llm.HfConfigLoader;
import io.bitforge.workloads.llm.LlmWorkload;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightResidencyTest {
    private static final Registry REGISTRY = Registry.load();
    private static final HardwareSpecLoader LOADER = new HardwareSpecLoader(REGISTRY);
    private static final WorkloadSettings RUN = new WorkloadSettings("both", 1, 64, 64, 4, "", 0, 0, false, Map.of());

    /** hidden 512, MLP 1024, 2 layers, 8 heads, vocabulary 2048. */
    private static LlmWorkload tiny() throws Exception {
        var json = new ObjectMapper().readTree("""
                {"model_type": "llama", "hidden_size": 512, "intermediate_size": 1024, "num_hidden_layers": 2,
                 "num_attention_heads": 8, "num_key_value_heads": 8, "vocab_size": 2048,
                 "max_position_embeddings": 1024, "hidden_act": "silu", "tie_word_embeddings": false}""");
        return new LlmWorkload(HfConfigLoader.parse(json, "tiny.json", "tiny", "tiny", "test"));
    }

    @Test
    void llama2SevenBDoesNotFitIsaacLikeAndTheMessageSaysHowManyCrossbars() {
        HardwareSpec isaac = LOADER.resolve("isaac-like", "--hw");
        // 16-bit weights over 8 two-bit columns: 16 weights per 128-column crossbar, 128 inputs per crossbar.
        // per layer: q, k, v, o 4 x (32 x 256) = 32768; gate, up 2 x (32 x 688) = 44032; down 86 x 256 = 22016;
        // 32 layers = 3162112, lm_head 32 x 2000 = 64000: 3226112 crossbars against 126 x 128 = 16128.
        // Keys and values reserved at the longest context, 64 + 4 = 68 keys, for 1 sequence x 32 KV heads x 32
        // layers: K^T (128 x 68) 1 x ceil(68/16) = 5 and V (68 x 128) 1 x ceil(128/16) = 8 crossbars: 13 x 1024
        BadInputException e = assertThrows(BadInputException.class, () -> SimulationRun.run(REGISTRY, isaac,
                LlmWorkload.fromZoo("llama-2-7b"), RUN, null));
        assertTrue(e.getMessage().startsWith("hardware.array: the weights of llama-2-7b need 3226112 crossbars and "
                + "its keys and values 13312 more (3239424 in all), isaac-like has 16128"), e.getMessage());
        assertTrue(e.getMessage().contains("hardware.pe.params.reprogram: true"), e.getMessage());
    }

    @Test
    void aResidentModelMovesNoWeightsAndPaysForWritingKeysAndValues() throws Exception {
        HardwareSpec isaac = LOADER.resolve("isaac-like", "--hw");
        SimulationReport report = SimulationRun.run(REGISTRY, isaac, tiny(), RUN, null);
        WeightResidency residency = report.residency().orElseThrow();
        // per layer q, k, v, o 4 x (4 x 32) = 512, gate, up 2 x (4 x 64) = 512, down 8 x 32 = 256; x 2 layers,
        // lm_head 4 x 128 = 512: 3072 crossbars
        assertEquals(3072, residency.tilesNeeded());
        // keys and values at 68 keys for 1 sequence x 8 KV heads x 2 layers: K^T (64 x 68) 1 x ceil(68/16) = 5,
        // V (68 x 64) 1 x ceil(64/16) = 4 crossbars: 9 x 16 = 144 reserved
        assertEquals(144, residency.kvTiles());
        assertTrue(residency.fits());
        Engine engine = SimulationRun.engine(REGISTRY, isaac);
        int checked = 0;
        for (PhaseResult phase : report.phases()) {
            for (OpResult op : phase.ops()) {
                if (!(op.op() instanceof GemmOp gemm)) {
                    continue;
                }
                double crossbar = op.cost().energy().picojoules(EnergyCategory.CROSSBAR);
                double read = engine.evaluate(gemm).cost().energy().picojoules(EnergyCategory.CROSSBAR);
                if (gemm.bOperand() == BOperand.WEIGHTS) {
                    assertEquals(0, op.footprint().loadWeightBytes(), gemm.name());
                    assertEquals(read, crossbar, 1e-6 * read, gemm.name());
                } else {
                    // every use writes K x N int16 values over 8 columns each at 10 pJ per cell
                    double writes = (double) gemm.k() * gemm.n() * 8 * 10 * gemm.count();
                    assertEquals(writes, crossbar - read, 1e-9 * writes, gemm.name());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 4, "attention GEMMs checked: " + checked);
        // replicas only in the crossbars the model leaves free: (16128 - 144) / 3072 = 5 copies of each matrix. Prefill
        // q_proj (M = 64 tokens, 128 crossbars) takes ceil(64 / 5) = 13 MVMs of 16 input bits x 128 columns on one
        // ADC x 9 comparator cycles = 18432 cycles, in 2 layers (the whole grid would hold 126 copies: one MVM)
        OpResult q = report.phases().get(0).ops().stream().filter(o -> o.op().name().equals("q_proj")).findFirst()
                .orElseThrow();
        assertEquals(2L * 13 * 18432, q.cost().cycles().compute());
    }

    @Test
    void reprogrammingReadsAndRewritesEveryUnpinnedMatrix() {
        HardwareSpec isaac = LOADER.resolve("isaac-like", "--hw");
        HardwareSpec reprogram = LOADER.parse("""
                name: isaac-reprogram
                node: 32nm
                clockMegahertz: 1000
                pe:
                  family: reram
                  params: {crossbarRows: 128, crossbarCols: 128, cellBits: 2, weightBits: 16, signedWeights: offset,
                           flipEncoding: true, dacBits: 1, inputBits: 16, parallelRows: 128, colsPerAdc: 128,
                           adcBits: 8, adcScheme: full, reprogram: true}
                array: {rows: 126, cols: 128}
                dataflow: ws
                buffers:
                  activations: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 16}
                  weights:     {kib: 64, banks: 1, portsPerBank: 1, wordBits: 16}
                  outputs:     {kib: 64, banks: 1, portsPerBank: 1, wordBits: 16}
                vectorUnit: {lanes: 32, wordBits: 16}
                dram:
                  custom: {bytesPerCycle: 64, latencyNanoseconds: 100, picojoulesPerBit: 18.75, capacityGibibytes: 16}
                """, "hw.yaml");
        WorkloadSettings decode = new WorkloadSettings("decode", 1, 0, 128, 1, "", 0, 0, false, Map.of());
        SimulationReport report = SimulationRun.run(REGISTRY, reprogram, LlmWorkload.fromZoo("llama-2-7b"), decode,
                null);
        WeightResidency residency = report.residency().orElseThrow();
        assertEquals(3226112, residency.tilesNeeded());
        // lm_head alone (64000 crossbars) is larger than the array: its rounds evict everything, nothing stays
        assertEquals(0, residency.residentCopies());
        OpResult q = report.phases().get(0).ops().stream().filter(o -> o.op().name().equals("q_proj")).findFirst()
                .orElseThrow();
        GemmOp gemm = (GemmOp) q.op();
        assertEquals(4096L * 4096 * 2 * gemm.count(), q.footprint().loadWeightBytes());
        double read = SimulationRun.engine(REGISTRY, isaac).evaluate(gemm).cost().energy()
                .picojoules(EnergyCategory.CROSSBAR);
        assertEquals(4096.0 * 4096 * 8 * 10 * gemm.count(), q.cost().energy().picojoules(EnergyCategory.CROSSBAR)
                - read, 1e-3);
        assertTrue(q.cost().cycles().fillDrain() >= 128L * 100 * gemm.count());
    }
}
