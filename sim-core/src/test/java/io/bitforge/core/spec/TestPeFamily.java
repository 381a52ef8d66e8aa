package io.bitforge.core.spec;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.tech.TechNode;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PE family for sim-core's own tests ({@code int-test}): one MAC per cycle, 1 pJ per MAC and 100 µm² per cell
 * at 45 nm, round numbers so that hand-derived energies are easy to check. Supports os and ws only.
 */
public final class TestPeFamily implements PeFamily {
    private final Set<Dataflow> dataflows;

    /** Supports os and ws (so that "unsupported dataflow" can be tested). */
    public TestPeFamily() {
        this(EnumSet.of(Dataflow.OS, Dataflow.WS));
    }

    public TestPeFamily(Set<Dataflow> dataflows) {
        this.dataflows = Set.copyOf(dataflows);
    }

    public record Params(int weightBits) implements PeParams {
        @Override
        public Map<String, Object> asMap() {
            return Map.of("weightBits", weightBits);
        }
    }

    @Override
    public String id() {
        return "int-test";
    }

    @Override
    public String description() {
        return "test family";
    }

    @Override
    public String source() {
        return "test";
    }

    @Override
    public PeParams parseParams(SpecNode params) {
        params.allowOnly("weightBits");
        return new Params(params.optionalField("weightBits").map(n -> n.intIn(2, 16)).orElse(8));
    }

    @Override
    public PeParams defaultParams() {
        return new Params(8);
    }

    @Override
    public Set<Dataflow> dataflows() {
        return dataflows;
    }

    @Override
    public NativePrecisions nativePrecisions(PeParams params) {
        return new NativePrecisions(Precision.INT8, Precision.INT8, Precision.INT8);
    }

    @Override
    public CellTiming timing(PeParams params, GemmOp op) {
        return CellTiming.SINGLE_MAC;
    }

    @Override
    public CellCost cellCost(PeParams params, GemmOp op) {
        return new CellCost(TechNode.N45, Map.of(EnergyCategory.MAC, 1.0), 100.0,
                List.of(new CostSource("test-cell", "round test figures", "45nm", true)));
    }
}
