package io.bitforge.core.engine;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.spec.TestPeFamily;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The engine's energy conventions on hand-derived cases: the test family's 1 pJ per MAC at 45 nm on a 4x4
 * output-stationary array, stream-only fold cycles, Horowitz SRAM (8 KiB banks: 10 pJ per 64 bits at 45 nm),
 * 1000 MHz clock.
 */
class EnergyConventionTest {
    private static final double EPS = 1e-9;
    /** M = 2 rows on a 4-row array: half the cells idle; K = 3 steps; N = 4 columns. */
    private static final GemmOp HALF_ROWS = GemmOp.of("g", 2, 3, 4, Precision.INT8);

    private static Engine engine(TechNode node, EnergyConvention energy) {
        return new Engine(EngineTest.spec(node), new TestPeFamily(), new HorowitzSram(),
                MemoryModel.UNLIMITED_BANDWIDTH, FoldConvention.STREAM_ONLY, energy);
    }

    private static EnergyConvention with(EnergyConvention.PeEnergy pe, EnergyConvention.SramAccesses sram,
                                         boolean scale, double staticMilliwatts) {
        return new EnergyConvention(pe, sram, scale, staticMilliwatts);
    }

    @Test
    void defaultChargesMacsDoneAndFoldAccesses() {
        CostReport cost = engine(TechNode.N45, EnergyConvention.DEFAULT).evaluate(HALF_ROWS).cost();
        // one fold of 3 streaming cycles; 2*3*4 = 24 MACs x 1 pJ
        assertEquals(3, cost.totalCycles());
        assertEquals(24.0, cost.energy().picojoules(EnergyCategory.MAC), EPS);
        assertEquals(0.0, cost.energy().picojoules(EnergyCategory.STATIC), EPS);
        // one fold: activations 2 rows x K = 6 reads, weights 4 columns x K = 12 reads
        assertEquals(6, cost.actions().sramReads(Operand.ACTIVATIONS));
        assertEquals(12, cost.actions().sramReads(Operand.WEIGHTS));
    }

    @Test
    void perCellCycleChargesIdleCells() {
        EnergyConvention perCell = with(EnergyConvention.PeEnergy.PER_CELL_CYCLE, EnergyConvention.SramAccesses.FOLDS,
                true, 0);
        CostReport cost = engine(TechNode.N45, perCell).evaluate(HALF_ROWS).cost();
        // 16 cells x 3 cycles x 1 pJ per cycle (1 pJ per MAC x 1 MAC per cycle), idle rows included
        assertEquals(48.0, cost.energy().picojoules(EnergyCategory.MAC), EPS);
    }

    @Test
    void perMacSramReadsBothOperandsForEveryMac() {
        EnergyConvention perMac = with(EnergyConvention.PeEnergy.PER_MAC, EnergyConvention.SramAccesses.PER_MAC,
                true, 0);
        CostReport cost = engine(TechNode.N45, perMac).evaluate(HALF_ROWS).cost();
        assertEquals(24, cost.actions().sramReads(Operand.ACTIVATIONS));
        assertEquals(24, cost.actions().sramReads(Operand.WEIGHTS));
        assertEquals(8, cost.actions().sramWrites(Operand.OUTPUTS));
        // 48 reads x 8 bits x 10/64 pJ = 60 pJ; 8 writes x 8 bits x 10/64 = 10 pJ
        assertEquals(60.0, cost.energy().picojoules(EnergyCategory.SRAM_READ), EPS);
        assertEquals(10.0, cost.energy().picojoules(EnergyCategory.SRAM_WRITE), EPS);
    }

    @Test
    void withoutNodeScalingTablesKeepTheirFigures() {
        EnergyConvention unscaled = with(EnergyConvention.PeEnergy.PER_MAC, EnergyConvention.SramAccesses.FOLDS,
                false, 0);
        CostReport scaled = engine(TechNode.N28, EnergyConvention.DEFAULT).evaluate(HALF_ROWS).cost();
        CostReport kept = engine(TechNode.N28, unscaled).evaluate(HALF_ROWS).cost();
        assertEquals(24.0, kept.energy().picojoules(EnergyCategory.MAC), EPS);
        // SRAM at Horowitz's 45 nm figure: 18 reads x 8 bits x 10/64 pJ
        assertEquals(22.5, kept.energy().picojoules(EnergyCategory.SRAM_READ), EPS);
        assertEquals(24.0 * io.bitforge.core.tech.TechScaling.energyFactor(TechNode.N45, TechNode.N28),
                scaled.energy().picojoules(EnergyCategory.MAC), EPS);
    }

    @Test
    void staticPowerIsChargedForEveryCycle() {
        EnergyConvention statics = with(EnergyConvention.PeEnergy.PER_MAC, EnergyConvention.SramAccesses.FOLDS,
                true, 10);
        Engine engine = engine(TechNode.N45, statics);
        // 10 mW at 1000 MHz: 1e-2 J/s x 1e-9 s = 10 pJ per cycle; 3 cycles
        assertEquals(30.0, engine.evaluate(HALF_ROWS).cost().energy().picojoules(EnergyCategory.STATIC), EPS);
        // vector op: ceil(64 x 1 / 16 lanes) = 4 cycles
        VectorOp add = new VectorOp("v", OpKind.OTHER, 64, 1, 1, 0, 1, Precision.FP16);
        assertEquals(40.0, engine.evaluate(add).energy().picojoules(EnergyCategory.STATIC), EPS);
        assertEquals(2.0, statics.staticPicojoulesPerCycle(5000), EPS);
    }

    @Test
    void negativeStaticPowerIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> with(EnergyConvention.PeEnergy.PER_MAC,
                EnergyConvention.SramAccesses.FOLDS, true, -1));
    }
}
