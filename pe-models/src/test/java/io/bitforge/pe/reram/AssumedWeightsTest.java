package io.bitforge.pe.reram;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssumedWeightsTest {
    private final Registry registry = Registry.load();
    private final HardwareSpec isaac = new HardwareSpecLoader(registry).resolve("isaac-like", "--hw");
    private final ReramFamily family = new ReramFamily();
    private final GemmOp op = new GemmOp("g", OpKind.GEMM, 4, 128, 16, 1, new Precision("uint16", 16),
            new Precision("int16", 16), Precision.INT32, BOperand.WEIGHTS, 0);

    @Test
    void skippingWithoutAMeasurementUsesTheStudyOnAssumedWeights() {
        ReramParams skip = ((ReramParams) isaac.pe().params()).withAdcScheme(AdcScheme.SKIP);
        double cycles = family.effective(skip).expectedComparatorCycles().orElseThrow();
        // skipping is lossless and starts at the highest bit a column reaches, known from the weights alone: the
        // study's runtime mean equals the offline figure computed from the stored matrix
        double offline = AdcStudy.offlineSkipCycles(new CrossbarMvm(skip, AssumedWeights.weights(skip)), skip);
        assertEquals(offline, cycles, 1e-9);
        // isaac-like's flip-encoded 2-bit slices reach the top code in every column: no saving (adc-study: 1.00x)
        assertEquals(skip.fullConversionCycles(), cycles, 1e-9);
        ReramParams neurosim = ((ReramParams) new HardwareSpecLoader(registry).resolve("neurosim-default", "--hw")
                .pe().params()).withAdcScheme(AdcScheme.SKIP);
        double neurosimCycles = family.effective(neurosim).expectedComparatorCycles().orElseThrow();
        assertEquals(AdcStudy.offlineSkipCycles(new CrossbarMvm(neurosim, AssumedWeights.weights(neurosim)),
                neurosim), neurosimCycles, 1e-9);
        assertTrue(neurosimCycles < neurosim.fullConversionCycles(), "cycles " + neurosimCycles);

        HardwareSpec spec = isaac.withPe(new PeSpec("reram", skip));
        CostReport cost = family.customGemmCost(skip, op, spec).orElseThrow();
        CostSource source = cost.sources().stream().filter(s -> s.id().equals("reram-adc-cycles-skip")).findFirst()
                .orElseThrow();
        assertTrue(source.citation().contains("assumed weights"), source.citation());
        // the user's measured figure overrides it
        ReramParams measured = skip.withExpectedComparatorCycles(OptionalDouble.of(4.5));
        assertEquals(4.5, family.effective(measured).expectedComparatorCycles().orElseThrow());
        assertEquals(ReramCost.gemm(measured, op, spec.array(), spec.node()).totalCycles(),
                family.customGemmCost(measured, op, spec).orElseThrow().totalCycles());
    }
}
