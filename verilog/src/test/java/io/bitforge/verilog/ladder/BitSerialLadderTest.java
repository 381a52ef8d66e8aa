package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.pe.bitserial.BitSerialDequant;
import io.bitforge.pe.bitserial.BitSerialParams;
import io.bitforge.pe.bitserial.TimingMode;
import io.bitforge.verilog.pe.bitserial.BitModRtl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BitMoD's term engine with integer and FP16 activations (aligned to units of 2^-24) on the Java level: per-group data types (the mixtures and single
 * types), exhaustive (type, code) x activation pairs and a seeded group, cycles (⌈⌊w⌋/2⌉ per step) against the engine.
 */
class BitSerialLadderTest {
    private static final Registry REGISTRY = Registry.load();

    @ParameterizedTest
    @CsvSource({"bitmod-mix4,int8,4,4,4", "bitmod-mix3,int8,4,3,2", "int4,uint6,2,2,3", "bitmod-fp4-er+,int4,4,1,1",
            "int8,int8,4,2,2", "bitmod-fp3-ea-,uint8,1,3,3", "bitmod-mix4,fp16,4,3,3", "bitmod-mix3,fp16,4,2,2",
            "int6,fp16,2,2,3"})
    void everyDataTypeMatchesTheUnifiedTermsAndTheEngine(String weights, String activations, int lanes, int rows,
                                                         int cols) {
        BitSerialParams params = new BitSerialParams(TimingMode.BITMOD, weights, activations, 128, lanes, 2, 1.0);
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("bitmod-prefill", "--hw")
                .withPe(new PeSpec("bit-serial", params)).withArray(new ArraySpec(rows, cols));
        LadderReport report = Ladder.run(spec, new BitModRtl(params), REGISTRY, LadderOptions.javaOnly(17));
        assertTrue(report.passed(), report.levels().toString());
    }

    /**
     * With the dequantisers at the array edge ({@code dequant: edge}): the exhaustive tile and tiles of 1, 2 and 4
     * groups against {@code BitSerialPe.dot}'s FP32 outputs, cycles = the engine's whole count + 3; int6 weights
     * take three cycles per step.
     */
    @ParameterizedTest
    @CsvSource({"bitmod-mix3,int8,8,2,2", "int6,fp16,16,3,3"})
    void edgeDequantisersMatchTheDotProductAndTheEngine(String weights, String activations, int group, int rows,
                                                        int cols) {
        BitSerialParams params = new BitSerialParams(TimingMode.BITMOD, weights, activations, group, 4, 2, 1.0,
                BitSerialDequant.EDGE);
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("bitmod-prefill", "--hw")
                .withPe(new PeSpec("bit-serial", params)).withArray(new ArraySpec(rows, cols));
        LadderReport report = Ladder.run(spec, new BitModRtl(params), REGISTRY, LadderOptions.javaOnly(29));
        assertTrue(report.passed(), report.levels().toString());
        assertTrue(report.levels().stream().anyMatch(l -> l.level().equals("java groups-2")), report.levels().toString());
    }
}
