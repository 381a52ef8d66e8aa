package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.pe.bitfusion.BitFusionParams;
import io.bitforge.pe.bitfusion.BitFusionVariant;
import io.bitforge.pe.bitfusion.OperandType;
import io.bitforge.pe.bitserial.BitSerialParams;
import io.bitforge.pe.bitserial.TimingMode;
import io.bitforge.pe.mac.MacIntParams;
import io.bitforge.verilog.array.StationaryArray;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.pe.bitfusion.BitFusionRtl;
import io.bitforge.verilog.pe.bitserial.BitModRtl;
import io.bitforge.verilog.pe.mac.MacIntRtl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weight- and input-stationary arrays on the Java level of the ladder: the family's functional model's numbers on
 * exhaustive pairs and a seeded tile over two row and two column folds, and RTL start-to-computed = the engine's
 * ws/is count (SCALE-Sim v2: R preload cycles + T + R + C − 2 steps per fold) + {@link StationaryArray#OVERHEAD_CYCLES}.
 */
class StationaryLadderTest {
    private static final Registry REGISTRY = Registry.load();

    private static void assertLadder(HardwareSpec spec, io.bitforge.verilog.pe.PeRtl pe) {
        LadderReport report = Ladder.run(spec, pe, REGISTRY, LadderOptions.javaOnly(5));
        assertTrue(report.passed(), report.levels().toString());
        assertEquals(report.engineCycles() + StationaryArray.OVERHEAD_CYCLES, report.rtlComputedCycles());
    }

    @ParameterizedTest
    @CsvSource({"ws,8,8,true,true,3,4", "is,8,8,true,true,4,3", "ws,4,8,false,true,2,2", "is,16,8,true,false,3,2",
            "ws,2,3,true,true,1,1", "is,5,3,false,false,1,3"})
    void macInt(String dataflow, int w, int a, boolean ws, boolean as, int rows, int cols) {
        MacIntParams params = new MacIntParams(w, a, ws, as);
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("tpu-like-int8", "--hw")
                .withPe(new PeSpec("mac-int", params)).withArray(new ArraySpec(rows, cols))
                .withDataflow(Dataflow.fromId(dataflow).orElseThrow());
        assertLadder(spec, new MacIntRtl(params));
    }

    @ParameterizedTest
    @CsvSource({"ws,bitmod-mix4,int8,4,3,2", "is,bitmod-mix3,int8,4,2,3", "ws,int4,uint6,2,2,2", "is,int8,int8,1,2,2"})
    void bitSerial(String dataflow, String weights, String activations, int lanes, int rows, int cols) {
        BitSerialParams params = new BitSerialParams(TimingMode.BITMOD, weights, activations, 128, lanes, 2, 1.0);
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("bitmod-prefill", "--hw")
                .withPe(new PeSpec("bit-serial", params)).withArray(new ArraySpec(rows, cols))
                .withDataflow(Dataflow.fromId(dataflow).orElseThrow());
        assertLadder(spec, new BitModRtl(params));
    }

    @ParameterizedTest
    @CsvSource({"ws,bitfusion,4,int,4,int", "is,bitfusion,2,int,8,int", "ws,ant,4,flint,4,int",
            "is,bitfusion,4,uint,8,int"})
    void bitFusion(String dataflow, String variant, int wBits, String wType, int aBits, String aType) {
        BitFusionParams params = new BitFusionParams(BitFusionVariant.fromId(variant).orElseThrow(), wBits, aBits,
                OperandType.fromId(wType).orElseThrow(), OperandType.fromId(aType).orElseThrow());
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("bitfusion-45nm", "--hw")
                .withPe(new PeSpec("bitfusion", params)).withArray(new ArraySpec(2, 3))
                .withDataflow(Dataflow.fromId(dataflow).orElseThrow());
        assertLadder(spec, new BitFusionRtl(params));
    }

    @Test
    void bitmodDecodeRunsWeightStationary() {
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("bitmod-decode", "--hw")
                .withArray(new ArraySpec(4, 4));
        PeRtlRegistry rtl = PeRtlRegistry.load();
        HardwareSpec substituted = PeDesign.withRtlParams(spec, rtl, note -> { });
        assertEquals(Dataflow.WS, substituted.dataflow());
        assertLadder(substituted, PeDesign.forSpec(substituted, rtl));
    }
}
