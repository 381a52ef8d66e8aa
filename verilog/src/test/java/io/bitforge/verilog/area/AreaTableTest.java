package io.bitforge.verilog.area;

import io.bitforge.core.io.Json;
import io.bitforge.core.registry.Registry;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.tools.ToolGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mac-int rows of the area table: the reference divides to 1 in both columns, and the table is reproducible. */
class AreaTableTest {
    @Test
    void macIntReferenceRowIsReproducible(@TempDir Path dir) {
        ToolGate.require("yosys");
        Registry registry = Registry.load();
        PeRtlRegistry rtl = PeRtlRegistry.load();
        AreaTable first = AreaTable.build(registry, rtl, List.of("mac-int"), dir.resolve("a"), note -> { });
        AreaTable second = AreaTable.build(registry, rtl, List.of("mac-int"), dir.resolve("b"), note -> { });
        assertEquals(Json.write(first.toMap()), Json.write(second.toMap()));
        AreaRow reference = first.rows().stream().filter(r -> r.mode().equals("w8sa8s")).findFirst().orElseThrow();
        assertEquals(1.0, reference.modelledRatio(), 1e-12);
        assertEquals(1.0, reference.gateRatio(), 1e-12);
        // a_q and b_q (8 bits each) and the 32-bit accumulator: 48 flip-flops
        assertEquals(48, reference.gates().flipFlops());
        assertEquals(reference.modelledNode(), first.referenceNode());
    }
}
