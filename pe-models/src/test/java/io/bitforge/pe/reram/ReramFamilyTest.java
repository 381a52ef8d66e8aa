package io.bitforge.pe.reram;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReramFamilyTest {
    private final Registry registry = Registry.load();
    private final HardwareSpecLoader loader = new HardwareSpecLoader(registry);
    private static final Precision INT16 = new Precision("int16", 16);
    private static final Precision UINT16 = new Precision("uint16", 16);

    private static GemmOp gemm(long m, long k, long n) {
        return new GemmOp("g", OpKind.GEMM, m, k, n, 1, UINT16, INT16, Precision.INT32, BOperand.WEIGHTS, 0);
    }

    @Test
    void presetsLoad() {
        HardwareSpec isaac = loader.resolve("isaac-like", "--hw");
        ReramParams p = (ReramParams) isaac.pe().params();
        assertEquals(8, p.adcBits());
        assertEquals(8, p.requiredAdcBits(), "flip encoding makes 8 bits lossless for 128 rows of 2-bit cells");
        assertEquals(8, p.columnsPerWeight(), "16-bit biased weights over 8 two-bit cells");
        ReramParams neurosim = (ReramParams) loader.resolve("neurosim-default", "--hw").pe().params();
        assertEquals(5, neurosim.adcBits());
        assertEquals(TechNode.N22, loader.resolve("neurosim-default", "--hw").node());
    }

    @Test
    void isaacLikeGemmByHand() {
        HardwareSpec spec = loader.resolve("isaac-like", "--hw");
        CostReport cost = new Engine(spec, registry.peFamily("reram").orElseThrow()).evaluate(gemm(16, 128, 16)
                .withCount(2)).cost();
        // 16 weights x 8 columns fill one crossbar; 16128 crossbars -> 16128 replicas, so the 16 vectors run at once.
        // One MVM: 16 input cycles x 1 partition x 128 columns on one ADC x (8 + 1) cycles = 18432; two instances.
        assertEquals(2 * 18432, cost.totalCycles());
        // conversions: 16 vectors x 16 input cycles x 1 partition x 128 columns = 32768 per instance.
        // SarADC.cpp LP 32 nm: P = (1.1294·8 + 8.8998) µW + 0.079449·exp(−2.297·log10(R_col·0.5/0.5)),
        // R_col = 1 / (128 rows · 0.5 activity · mean(1/100k, 1/1.7M)), for 9 ns per conversion.
        double gMean = (1 / 1e5 + 1 / 1.7e6) / 2;
        double rCol = 1 / (128 * 0.5 * gMean);
        double watts = (1.1294 * 8 + 8.8998) * 1e-6 + 0.079449 * Math.exp(-2.297 * Math.log10(rCol));
        assertEquals(2 * 32768 * watts * 9e-9 * 1e12, cost.energy().picojoules(EnergyCategory.ADC), 1e-6);
        assertTrue(cost.energy().picojoules(EnergyCategory.DAC) > 0);
        assertTrue(cost.energy().picojoules(EnergyCategory.CROSSBAR) > 0);
        assertTrue(cost.energy().picojoules(EnergyCategory.SHIFT_ADD) > 0);
        assertEquals(2 * 16 * 128 * 16, cost.actions().macs());
        assertTrue(cost.areaSquareMicrometres().get("adc") > 0);
    }

    @Test
    void expectedComparatorCyclesShortenSkippingMvms() {
        ReramParams p = ((ReramParams) loader.resolve("isaac-like", "--hw").pe().params())
                .withAdcScheme(AdcScheme.SKIP);
        // no measurement: full conversion, 18432 cycles as above
        assertEquals(18432, ReramCost.gemm(p, gemm(1, 128, 16), new ArraySpec(1, 1), TechNode.N32).totalCycles());
        // 4.5 comparator cycles measured: 16 x 1 x 128 x 4.5 = 9216
        ReramParams measured = p.withExpectedComparatorCycles(OptionalDouble.of(4.5));
        CostReport cost = ReramCost.gemm(measured, gemm(1, 128, 16), new ArraySpec(1, 1), TechNode.N32);
        assertEquals(9216, cost.totalCycles());
        CostReport full = ReramCost.gemm(p, gemm(1, 128, 16), new ArraySpec(1, 1), TechNode.N32);
        // ADC energy at constant power per cycle: 9 / 4.5 = 2x less
        assertEquals(2.0, full.energy().picojoules(EnergyCategory.ADC) / cost.energy().picojoules(EnergyCategory.ADC),
                1e-12);
    }

    @Test
    void aModelThatDoesNotFitIsReprogrammed() {
        ReramParams p = (ReramParams) loader.resolve("isaac-like", "--hw").pe().params();
        // K = 256, N = 32: 2 row tiles x 2 column tiles = 4 crossbars on a 1x1 grid -> 4 programming rounds.
        CostReport cost = ReramCost.gemm(p, gemm(2, 256, 32), new ArraySpec(1, 1), TechNode.N32);
        // compute: 4 rounds x 2 vectors x 18432; reprogramming: 4 rounds x 128 rows x 100 cycles = 51200
        assertEquals(4 * 2 * 18432, cost.cycles().compute());
        assertEquals(51200, cost.cycles().fillDrain());
        CostSource reprogramming = cost.sources().stream().filter(s -> s.id().equals("reram-reprogramming"))
                .findFirst().orElseThrow();
        assertTrue(reprogramming.estimate());
        // writing 4 x 128 x 128 cells at 10 pJ is part of the crossbar energy
        assertTrue(cost.energy().picojoules(EnergyCategory.CROSSBAR) > 4 * 128 * 128 * 10.0);
    }

    @Test
    void adcDominatesTheIsaacLikeBreakdown() {
        HardwareSpec spec = loader.resolve("isaac-like", "--hw");
        CostReport cost = new Engine(spec, registry.peFamily("reram").orElseThrow()).evaluate(gemm(64, 1024, 256))
                .cost();
        double share = cost.energy().picojoules(EnergyCategory.ADC) / cost.totalPicojoules();
        assertTrue(share > 0 && share < 1, "ADC share " + share);
    }

    private String error(String params) {
        String text = "name: x\nnode: 22nm\nclockMegahertz: 1000\npe:\n  family: reram\n  params:\n" + params
                + "array: {rows: 2, cols: 2}\ndataflow: ws\nbuffers:\n"
                + "  activations: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 8}\n"
                + "  weights: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 8}\n"
                + "  outputs: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 8}\n"
                + "vectorUnit: {lanes: 32, wordBits: 16}\ndram: {custom: {bytesPerCycle: 64, latencyNanoseconds: 100, "
                + "picojoulesPerBit: 18.75, capacityGibibytes: 16}}\nmapping: {}\n";
        return assertThrows(BadInputException.class, () -> loader.parse(text, "hw.yaml")).getMessage();
    }

    @Test
    void badParamsNameThePathAndLine() {
        assertEquals("hw.yaml: hardware.pe.params.adcScheme: must be full, skip or two-interval, got 'fast' (line 8)",
                error("    cellBits: 2\n    adcScheme: fast\n"));
        assertEquals("hw.yaml: hardware.pe.params.colsPerAdc: must divide crossbarCols (128), got 7 (line 7)",
                error("    colsPerAdc: 7\n"));
        assertEquals("hw.yaml: hardware.pe.params.offResistanceOhms: must be >= onResistanceOhms (100000.0), got 10.0 "
                + "(line 7)", error("    offResistanceOhms: 10\n"));
        assertEquals("hw.yaml: hardware.pe.params.parallelRows: must be <= 64, got 65 (line 8)",
                error("    crossbarRows: 64\n    parallelRows: 65\n"));
        assertEquals("hw.yaml: hardware.pe.params.flipEncoding: must be true or false, got 'yes please' (line 7)",
                error("    flipEncoding: yes please\n"));
        assertTrue(error("    adcBit: 8\n").startsWith("hw.yaml: hardware.pe.params.adcBit: unknown field "
                + "(did you mean 'adcBits'?); allowed fields here: crossbarRows,"));
        // a 16-bit pos/neg weight needs 2 x ceil(15/1) = 30 columns, more than 16
        assertEquals("hw.yaml: hardware.pe.params.weightBits: needs 30 columns per weight, more than crossbarCols "
                + "(16), got 16 (line 9)", error("    crossbarCols: 16\n    cellBits: 1\n    weightBits: 16\n"
                + "    signedWeights: pos-neg\n    colsPerAdc: 8\n"));
    }

    @Test
    void floatOperandsAreRejected() {
        ReramFamily family = new ReramFamily();
        BadInputException e = assertThrows(BadInputException.class,
                () -> family.timing(family.defaultParams(), GemmOp.of("f", 1, 1, 1, Precision.FP16)));
        assertTrue(e.getMessage().contains("fp16"), e.getMessage());
    }
}
