package io.bitforge.core.engine;

import io.bitforge.core.spec.CycleModel;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.MappingSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How a workload is laid onto a design (DESIGN.md, "The four things kept apart"): GEMM tile sizes along M, K and N
 * for the double-buffered operand SRAMs, the loop order over tiles (outermost first), the dataflow and the
 * engine's cycle model. Anything left empty is the design's own (dataflow) or the mapper's choice (tiles, order).
 * {@link #mapper()} is the {@link Mapper} this asks for: a {@link FixedTiling} when all three tile sizes and the
 * loop order are given, else the {@link TilerSearch} within what is given.
 *
 * <p>The mapping is an input of the engine beside the spec ({@link Engine}, {@link TiledDramModel#withMapping}); a
 * spec's deprecated {@code mapping:} block is read as one by {@link #of(MappingSpec)}. {@link #describedIn} only
 * shapes what reports print: the spec with this mapping in its {@code mapping} block, so a mapping given beside a
 * spec and the same pins in the spec's old block print alike.
 */
public record Mapping(OptionalInt tileM, OptionalInt tileK, OptionalInt tileN, Optional<LoopOrder> loopOrder,
                      Optional<Dataflow> dataflow, CycleModel cycleModel) {
    /** Nothing fixed: the design's dataflow, the tiler's choice, the fold cycle model. */
    public static final Mapping AUTO = new Mapping(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
            Optional.empty(), Optional.empty(), CycleModel.FOLDS);

    public Mapping {
        Objects.requireNonNull(tileM, "tileM");
        Objects.requireNonNull(tileK, "tileK");
        Objects.requireNonNull(tileN, "tileN");
        Objects.requireNonNull(loopOrder, "loopOrder");
        Objects.requireNonNull(dataflow, "dataflow");
        Objects.requireNonNull(cycleModel, "cycleModel");
        for (OptionalInt tile : new OptionalInt[] {tileM, tileK, tileN}) {
            if (tile.isPresent() && tile.getAsInt() < 1) {
                throw new IllegalArgumentException("tile sizes must be >= 1, got " + tile.getAsInt());
            }
        }
    }

    /** The mapping a spec's {@code mapping:} block pins (its dataflow stays the spec's). */
    public static Mapping of(MappingSpec spec) {
        Optional<LoopOrder> order = spec.loopOrder().isEmpty() ? Optional.empty()
                : Optional.of(LoopOrder.valueOf(spec.loopOrder().toUpperCase(Locale.ROOT)));
        return new Mapping(spec.tileM(), spec.tileK(), spec.tileN(), order, Optional.empty(), spec.cycleModel());
    }

    /** Every tile size and the loop order fixed: {@code tile} in {@code order}, nothing searched. */
    public static Mapping fixed(GemmTile tile, LoopOrder order) {
        return new Mapping(OptionalInt.of(Math.toIntExact(tile.m())), OptionalInt.of(Math.toIntExact(tile.k())),
                OptionalInt.of(Math.toIntExact(tile.n())), Optional.of(order), Optional.empty(), CycleModel.FOLDS);
    }

    public Mapping withDataflow(Dataflow newDataflow) {
        return new Mapping(tileM, tileK, tileN, loopOrder, Optional.of(newDataflow), cycleModel);
    }

    /** The same with the dataflow left to the design. */
    public Mapping withoutDataflow() {
        return new Mapping(tileM, tileK, tileN, loopOrder, Optional.empty(), cycleModel);
    }

    /** The fields given, as a mapping file spells them (for manifests and reports). */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        tileM.ifPresent(v -> map.put("tileM", v));
        tileK.ifPresent(v -> map.put("tileK", v));
        tileN.ifPresent(v -> map.put("tileN", v));
        loopOrder.ifPresent(o -> map.put("loopOrder", o.name().toLowerCase(Locale.ROOT)));
        dataflow.ifPresent(d -> map.put("dataflow", d.id()));
        if (cycleModel != CycleModel.FOLDS) {
            map.put("cycleModel", cycleModel.id());
        }
        return map;
    }

    /** One line for messages: the fields given, as a mapping file spells them ({@code {}} when none). */
    public String describe() {
        List<String> parts = new ArrayList<>();
        asMap().forEach((field, value) -> parts.add(field + ": " + value));
        return "{" + String.join(", ", parts) + "}";
    }

    public Mapping withCycleModel(CycleModel newCycleModel) {
        return new Mapping(tileM, tileK, tileN, loopOrder, dataflow, newCycleModel);
    }

    /** True when the tiles and loop order are all fixed: the mapper has nothing to choose. */
    public boolean fixesTiling() {
        return tileM.isPresent() && tileK.isPresent() && tileN.isPresent() && loopOrder.isPresent();
    }

    /** What the tiler may not change. */
    public TilePins pins() {
        return new TilePins(pin(tileM), pin(tileK), pin(tileN), loopOrder);
    }

    /** The mapper this mapping asks for. */
    public Mapper mapper() {
        if (fixesTiling()) {
            return new FixedTiling(new GemmTile(tileM.getAsInt(), tileK.getAsInt(), tileN.getAsInt()),
                    loopOrder.orElseThrow());
        }
        return new TilerSearch(pins());
    }

    /** The mapping as a spec's (deprecated) {@code mapping:} block spells it; the dataflow is not part of it. */
    public MappingSpec asSpec() {
        return new MappingSpec(tileM, tileK, tileN, loopOrder.map(o -> o.name().toLowerCase(Locale.ROOT)).orElse(""),
                cycleModel);
    }

    /**
     * The spec as a run's report shows it: this mapping's dataflow (when given) and its pins in the spec's
     * {@code mapping} block. For reports only; the engine takes the mapping as its own input.
     */
    public HardwareSpec describedIn(HardwareSpec spec) {
        HardwareSpec withDataflow = dataflow.map(spec::withDataflow).orElse(spec);
        return withDataflow.withMapping(asSpec());
    }

    private static OptionalLong pin(OptionalInt value) {
        return value.isPresent() ? OptionalLong.of(value.getAsInt()) : OptionalLong.empty();
    }
}
