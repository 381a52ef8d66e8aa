package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.pe.bitserial.BitSerialParams;
import io.bitforge.pe.bitserial.TimingMode;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.pe.bitserial.SerialIntRtl;
import io.bitforge.verilog.tools.ToolGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stripes (serial activations) and Loom (serial weights, parallel activations for a GEMM) timing of the bit-serial
 * family on the Java level: exhaustive operand pairs and a seeded tile equal the family's functional model, and the
 * RTL's start-to-computed equals the engine's count for ⌈P/b⌉ cycles per step plus the dataflow's constant.
 */
class SerialTimingLadderTest {
    private static final Registry REGISTRY = Registry.load();

    @ParameterizedTest
    @CsvSource({"stripes,int4,int8,4,2,os,4,8", "stripes,uint3,uint8,2,4,os,2", "stripes,int8,int5,1,1,os,5",
            "loom,int8,uint6,2,1,os,8", "loom,int3,int8,4,2,os,2", "loom,uint4,int4,1,4,os,1",
            "stripes,int4,int6,2,2,ws,3", "loom,int5,int4,2,2,is,3"})
    void serialOperandTakesCeilPOverBCyclesPerStep(String timing, String weights, String activations, int lanes,
                                                   int bitsPerCycle, String dataflow, int cyclesPerStep) {
        BitSerialParams params = new BitSerialParams(TimingMode.fromId(timing).orElseThrow(), weights, activations,
                128, lanes, bitsPerCycle, 1.0);
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("bitmod-prefill", "--hw")
                .withPe(new PeSpec("bit-serial", params)).withArray(new ArraySpec(3, 2))
                .withDataflow(Dataflow.fromId(dataflow).orElseThrow());
        SerialIntRtl pe = (SerialIntRtl) PeRtlRegistry.load().require("hardware.pe.family:", "bit-serial")
                .create(params);
        assertEquals(cyclesPerStep, pe.timing().cyclesPerStep());
        LadderReport report = Ladder.run(spec, pe, REGISTRY, LadderOptions.javaOnly(13));
        assertTrue(report.passed(), report.levels().toString());
    }

    @Test
    void stripesAndLoomReplayInIcarus(@TempDir Path dir) {
        ToolGate.require("iverilog", "vvp");
        for (TimingMode timing : List.of(TimingMode.STRIPES, TimingMode.LOOM)) {
            BitSerialParams params = new BitSerialParams(timing, "int4", "uint6", 128, 2, 2, 1.0);
            HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("bitmod-prefill", "--hw")
                    .withPe(new PeSpec("bit-serial", params)).withArray(new ArraySpec(2, 2));
            LadderReport report = Ladder.run(spec, new SerialIntRtl(params), REGISTRY,
                    new LadderOptions(19, Set.of("icarus"), dir.resolve(timing.id()), null).randomTileInTools());
            assertTrue(report.passed(), report.levels().toString());
            assertTrue(report.levels().stream().anyMatch(l -> l.level().startsWith("icarus")), report.levels().toString());
        }
    }
}
