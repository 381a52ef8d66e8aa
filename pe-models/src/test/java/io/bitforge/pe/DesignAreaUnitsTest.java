package io.bitforge.pe;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.SramArea;
import io.bitforge.core.engine.VectorUnitArea;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every built-in design reports its SRAM buffers and vector unit beside its compute units, and the sum is its area. */
class DesignAreaUnitsTest {
    @Test
    void everyPresetReportsSramAndVectorArea() {
        Registry registry = Registry.load();
        HardwareSpecLoader loader = new HardwareSpecLoader(registry);
        for (String id : registry.ids(CatalogKind.HARDWARE)) {
            HardwareSpec spec = loader.parse(registry.hardware(id).orElseThrow().yaml(), id + ".yaml");
            PeFamily family = registry.peFamily(spec.pe().family()).orElseThrow();
            NativePrecisions natives = family.nativePrecisions(spec.pe().params());
            GemmOp op = new GemmOp("g", OpKind.PROJECTION, 4, 256, 64, 1, natives.activations(), natives.weights(),
                    natives.outputs(), BOperand.WEIGHTS, natives.weights().isFloat() ? 0 : 128);
            CostReport cost = Engine.of(spec, registry).evaluate(op).cost();
            var units = cost.areaSquareMicrometres();
            assertEquals(SramArea.squareMicrometres(spec.buffers(), spec.node()), units.get("sram"), 1e-6, id);
            assertEquals(VectorUnitArea.squareMicrometres(spec.vectorUnit(), spec.node()), units.get("vector"), 1e-6,
                    id);
            assertTrue(cost.peAreaSquareMicrometres() > 0, id + ": compute units " + units);
            assertEquals(units.values().stream().mapToDouble(Double::doubleValue).sum(),
                    cost.totalAreaSquareMicrometres(), 1e-6, id);
        }
    }
}
