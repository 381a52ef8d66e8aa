package io.bitforge.core.engine;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.Provenance;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.pe.EdgeUnit;
import io.bitforge.core.pe.PeFamily;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a design's cost figures can be trusted, per area unit and for the PE's energy: {@code published},
 * {@code derived} or {@code estimate} ({@link Provenance}). The PE array (and any unit a family's own GEMM cost
 * reports) takes the weakest provenance of the family's cell sources; edge units their own; the SRAM buffers the
 * derived bitcell model ({@link SramArea}); the vector unit is an estimate ({@link VectorUnitArea}).
 *
 * @param area      provenance per area unit of {@code cost}
 * @param peEnergy  weakest provenance of the family's cell energy sources
 */
public record CostProvenance(Map<String, Provenance> area, Provenance peEnergy) {
    public CostProvenance {
        area = Map.copyOf(new TreeMap<>(area));
    }

    /** Provenance of {@code cost}'s area units and of the PE energy of {@code op} on {@code engine}'s design. */
    public static CostProvenance of(Engine engine, GemmOp op, CostReport cost) {
        PeFamily family = engine.family();
        Provenance pe = weakest(family.cellCost(engine.spec().pe().params(), op).sources());
        Map<String, Provenance> area = new TreeMap<>();
        for (String unit : cost.areaSquareMicrometres().keySet()) {
            area.put(unit, pe);
        }
        for (EdgeUnit unit : family.edgeUnits(engine.spec().pe().params())) {
            area.computeIfPresent(unit.unit(), (k, v) -> unit.source().provenance());
        }
        area.computeIfPresent("sram", (k, v) -> SramArea.multiPortedOrBanked(engine.spec().buffers())
                ? SramArea.PORTS_BANKS_SOURCE.provenance() : SramArea.SOURCE.provenance());
        area.computeIfPresent("vector", (k, v) -> VectorUnitArea.SOURCE.provenance());
        // dequantisation units: Horowitz's arithmetic areas for an assumed unit (DequantStep)
        area.computeIfPresent("dequant", (k, v) -> Provenance.ESTIMATE);
        return new CostProvenance(area, pe);
    }

    /** The weakest provenance among {@code sources} ({@code published} when there are none). */
    public static Provenance weakest(List<CostSource> sources) {
        Provenance weakest = Provenance.PUBLISHED;
        for (CostSource source : sources) {
            weakest = weakest.weakest(source.provenance());
        }
        return weakest;
    }

    /** True when the PE array's area or the PE's energy is not a published figure. */
    public boolean peIsEstimate() {
        return peEnergy == Provenance.ESTIMATE || area.get("pe-array") == Provenance.ESTIMATE;
    }

    /** Ids for JSON: {@code {"area": {unit: id}, "peEnergy": id}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> units = new TreeMap<>();
        area.forEach((unit, provenance) -> units.put(unit, provenance.id()));
        return Map.of("area", units, "peEnergy", peEnergy.id());
    }
}
