package io.bitforge.verilog.ladder;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.EdgeUnit;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.SpecNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A family seen as its systolic array alone: everything delegated except {@link PeFamily#customGemmCost}, so the
 * engine schedules the array with the family's own cell timing. Families that add vector-unit side work to a
 * systolic array (shift-add's group dequantisation) cost the array part exactly this way; the ladder compares the
 * RTL array with it.
 */
record ArrayOnlyFamily(PeFamily family) implements PeFamily {
    @Override
    public String id() {
        return family.id();
    }

    @Override
    public String description() {
        return family.description();
    }

    @Override
    public String source() {
        return family.source();
    }

    @Override
    public Map<String, Object> facts() {
        return family.facts();
    }

    @Override
    public PeParams parseParams(SpecNode params) {
        return family.parseParams(params);
    }

    @Override
    public PeParams defaultParams() {
        return family.defaultParams();
    }

    @Override
    public Set<Dataflow> dataflows() {
        return family.dataflows();
    }

    @Override
    public NativePrecisions nativePrecisions(PeParams params) {
        return family.nativePrecisions(params);
    }

    @Override
    public CellTiming timing(PeParams params, GemmOp op) {
        return family.timing(params, op);
    }

    @Override
    public CellCost cellCost(PeParams params, GemmOp op) {
        return family.cellCost(params, op);
    }

    @Override
    public double storedWeightBits(PeParams params, GemmOp op) {
        return family.storedWeightBits(params, op);
    }

    @Override
    public List<EdgeUnit> edgeUnits(PeParams params) {
        return family.edgeUnits(params);
    }
}
