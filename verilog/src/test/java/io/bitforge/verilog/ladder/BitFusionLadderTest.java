package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.pe.bitfusion.BitFusionParams;
import io.bitforge.pe.bitfusion.BitFusionVariant;
import io.bitforge.pe.bitfusion.OperandType;
import io.bitforge.verilog.pe.bitfusion.BitFusionRtl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bitfusion on the Java level of the ladder: every precision mode of both variants (Bit Fusion's 2/4/8 in every
 * pairing, ANT's int/flint at 4 bits), exhaustive operand pairs and a seeded tile, cycles against the engine.
 */
class BitFusionLadderTest {
    private static final Registry REGISTRY = Registry.load();

    @ParameterizedTest
    @CsvSource({"bitfusion,8,int,8,int", "bitfusion,4,int,4,int", "bitfusion,2,int,2,int", "bitfusion,2,int,8,int",
            "bitfusion,8,uint,4,int", "bitfusion,4,uint,2,uint", "ant,4,flint,4,int", "ant,4,uflint,4,uint",
            "ant,4,int,4,flint", "ant,8,int,8,int", "ant,2,int,4,flint", "ant,4,flint,4,uflint"})
    void everyModeMatchesTheFusionUnitModelAndTheEngine(String variant, int wBits, String wType, int aBits,
                                                        String aType) {
        BitFusionParams params = new BitFusionParams(BitFusionVariant.fromId(variant).orElseThrow(), wBits, aBits,
                OperandType.fromId(wType).orElseThrow(), OperandType.fromId(aType).orElseThrow());
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("bitfusion-45nm", "--hw")
                .withPe(new PeSpec("bitfusion", params)).withArray(new ArraySpec(3, 4));
        LadderReport report = Ladder.run(spec, new BitFusionRtl(params), REGISTRY, LadderOptions.javaOnly(11));
        assertTrue(report.passed(), report.levels().toString());
    }
}
