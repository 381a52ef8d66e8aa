package io.bitforge.pe.reram;

import io.bitforge.core.cost.ActionCounts;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.CycleBreakdown;
import io.bitforge.core.cost.EnergyBreakdown;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.pe.WeightStore;
import io.bitforge.core.spec.HardwareSpec;

import java.util.List;
import java.util.Map;

/**
 * The crossbar grid of a {@code reram} design as a weight store: {@code array.rows × array.cols} crossbars, one
 * instance of a K × N matrix taking {@code ceil(K/crossbarRows) × ceil(N/weightsPerCrossbar)} of them (the
 * mapping {@link ReramCost} uses). Writing a matrix programs the cells its weight slices occupy,
 * {@code K × N × columnsPerWeight}, at {@code programPicojoulesPerCell} each; crossbars are written in parallel,
 * each row by row ({@code min(K, crossbarRows) × programCyclesPerRow} cycles, once per round of as many crossbars
 * as the design has). Both figures are the family's parameters, whose defaults are estimates.
 */
record CrossbarStore(ReramParams params, HardwareSpec spec) implements WeightStore {

    @Override
    public long capacityTiles() {
        return spec.array().cells();
    }

    @Override
    public long tilesFor(GemmOp op) {
        long weightsPerCrossbar = params.crossbarCols() / params.columnsPerWeight(op.weights().bits());
        return Math.multiplyExact(ReramCost.ceilDiv(op.k(), params.crossbarRows()),
                ReramCost.ceilDiv(op.n(), weightsPerCrossbar));
    }

    @Override
    public String tileName() {
        return "crossbars";
    }

    @Override
    public boolean reprogramWhenFull() {
        return params.reprogram();
    }

    @Override
    public String reprogramField() {
        return "hardware.pe.params.reprogram";
    }

    @Override
    public CostReport write(GemmOp op, long instances) {
        if (instances == 0) {
            return CostReport.ZERO;
        }
        long rounds = ReramCost.ceilDiv(tilesFor(op), capacityTiles());
        long rows = Math.min(op.k(), params.crossbarRows());
        long cycles = Math.multiplyExact(Math.multiplyExact(rounds, rows), params.programCyclesPerRow());
        double cells = (double) op.k() * op.n() * params.columnsPerWeight(op.weights().bits());
        CostSource source = new CostSource("reram-crossbar-writes", "crossbar writes: "
                + params.programPicojoulesPerCell() + " pJ per cell and " + params.programCyclesPerRow()
                + " cycles per crossbar row (family parameters; the defaults are estimates)", spec.node().id(), true);
        CostReport one = new CostReport(new CycleBreakdown(0, 0, cycles, 0), ActionCounts.ZERO,
                EnergyBreakdown.of(EnergyCategory.CROSSBAR, cells * params.programPicojoulesPerCell()), Map.of(),
                List.of(source));
        return one.times(instances);
    }
}
