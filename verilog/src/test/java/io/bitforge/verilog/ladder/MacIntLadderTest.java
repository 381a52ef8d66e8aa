package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.pe.mac.MacIntParams;
import io.bitforge.verilog.pe.mac.MacIntRtl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** mac-int on the Java level of the ladder: exhaustive operand pairs and a seeded tile, cycles against the engine. */
class MacIntLadderTest {
    private static final Registry REGISTRY = Registry.load();

    @ParameterizedTest
    @CsvSource({"8,8,true,true,4,4", "4,8,true,false,4,4", "8,2,false,true,3,5", "2,2,false,false,1,1",
            "16,8,true,true,4,4", "5,3,true,true,2,3"})
    void everyWidthAndSignednessMatchesTheModelAndTheEngine(int w, int a, boolean ws, boolean as, int rows,
                                                            int cols) {
        MacIntParams params = new MacIntParams(w, a, ws, as);
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("tpu-like-int8", "--hw")
                .withPe(new PeSpec("mac-int", params)).withArray(new ArraySpec(rows, cols));
        LadderReport report = Ladder.run(spec, new MacIntRtl(params), REGISTRY, LadderOptions.javaOnly(3));
        assertTrue(report.passed(), report.levels().toString());
    }
}
