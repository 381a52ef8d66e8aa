package io.bitforge.core.cost;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CostReportTest {
    private static final CostSource A = new CostSource("a", "paper A, Table 1", "45nm", false);
    private static final CostSource B = new CostSource("b", "paper B, Table 2", "28nm", true);

    private static CostReport report(long compute, double macPicojoules, double area, CostSource source) {
        return new CostReport(new CycleBreakdown(compute, 1, 2, 3),
                ActionCounts.of("int8xint8", compute * 10, new long[] {1, 2, 3}, new long[] {0, 0, 4},
                        new long[] {5, 6, 7}),
                EnergyBreakdown.of(EnergyCategory.MAC, macPicojoules).plus(EnergyCategory.DRAM, 1.5),
                Map.of("pe-array", area), List.of(source));
    }

    @Test
    void plusAddsWorkAndKeepsTheLargerArea() {
        CostReport sum = report(10, 2.0, 100, A).plus(report(20, 3.0, 80, B));
        assertEquals(new CycleBreakdown(30, 2, 4, 6), sum.cycles());
        assertEquals(42, sum.totalCycles());
        assertEquals(300, sum.actions().macs());
        assertEquals(2, sum.actions().sramReads(Operand.ACTIVATIONS));
        assertEquals(8, sum.actions().sramWrites(Operand.OUTPUTS));
        assertEquals(14, sum.actions().dramBytes(Operand.OUTPUTS));
        assertEquals(5.0, sum.energy().picojoules(EnergyCategory.MAC), 1e-12);
        assertEquals(3.0, sum.energy().picojoules(EnergyCategory.DRAM), 1e-12);
        assertEquals(8.0, sum.totalPicojoules(), 1e-12);
        assertEquals(100.0, sum.totalAreaSquareMicrometres(), 1e-12);
        assertEquals(List.of(A, B), sum.sources());
        assertEquals(List.of(A), report(1, 1, 1, A).plus(report(1, 1, 1, A)).sources());
    }

    @Test
    void timesRepeatsWorkNotArea() {
        CostReport three = report(10, 2.0, 100, A).times(3);
        assertEquals(new CycleBreakdown(30, 3, 6, 9), three.cycles());
        assertEquals(Map.of("int8xint8", 300L), three.actions().macsByPrecision());
        assertEquals(6.0, three.energy().picojoules(EnergyCategory.MAC), 1e-12);
        assertEquals(100.0, three.totalAreaSquareMicrometres(), 1e-12);
        assertEquals(report(10, 2.0, 100, A).plus(report(10, 2.0, 100, A)).plus(report(10, 2.0, 100, A)), three);
        assertEquals(CostReport.ZERO.plus(three), three);
    }

    @Test
    void sramStallsAreTheirOwnCauseAndAddUp() {
        CycleBreakdown a = new CycleBreakdown(10, 1, 2, 3, 4);
        CycleBreakdown b = new CycleBreakdown(20, 0, 0, 0, 5);
        assertEquals(new CycleBreakdown(30, 1, 2, 3, 9), a.plus(b));
        assertEquals(new CycleBreakdown(20, 2, 4, 6, 8), a.times(2));
        assertEquals(10 + 1 + 2 + 3 + 4, a.total());
        assertEquals(1 + 4, a.stalls());
        assertEquals(0, new CycleBreakdown(1, 2, 3, 4).sramStall());
        assertThrows(IllegalArgumentException.class, () -> new CycleBreakdown(0, 0, 0, 0, -1));
    }

    @Test
    void energyIsEnumOrderedAndRejectsNegatives() {
        EnergyBreakdown energy = EnergyBreakdown.of(Map.of(EnergyCategory.STATIC, 1.0, EnergyCategory.MAC, 2.0));
        assertEquals(List.of(EnergyCategory.values()), List.copyOf(energy.asMap().keySet()));
        assertEquals("MAC", energy.byName().keySet().iterator().next());
        assertThrows(IllegalArgumentException.class, () -> EnergyBreakdown.of(EnergyCategory.ADC, -1));
        assertThrows(IllegalArgumentException.class, () -> new CycleBreakdown(-1, 0, 0, 0));
    }
}
