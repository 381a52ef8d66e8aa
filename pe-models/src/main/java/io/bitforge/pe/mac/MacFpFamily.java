package io.bitforge.pe.mac;

import io.bitforge.pe.DequantOps;
import io.bitforge.core.pe.DequantStatement;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.tech.TechNode;
import io.bitforge.pe.PlaceAndRoute;
import io.bitforge.pe.SynthesisPower;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code mac-fp}: a bit-parallel 16-bit floating-point MAC cell, one MAC per cycle, in a systolic array. Energy and
 * area are BitMoD's FP16 baseline PE (Chen et al., HPCA 2025; yc2367/BitMoD-HPCA-25 {@code test_*.py}:
 * pe_energy 0.77 pJ per cycle, pe_area 1968.7 µm², one MAC per cycle). The paper's PE figures are synthesis
 * results whose node the artefact does not state; BitMoD's memories are 28 nm CACTI, so 28 nm is assumed and the
 * source is flagged as an estimate. BF16 uses the FP16 figures (estimate). {@code placeAndRouteFactor} multiplies
 * energy and area (BitMoD's artefact charges its PEs 1.5x for placement and routing).
 *
 * <p>{@code costTable: mixpe} costs the cell as MixPE's artefact costs its FP16 baseline: the (16, 16) unit of
 * yuzhang712/mixpe_simulator {@code results/systolic_array_synth.csv}, 1,032,924 nW total at 500 MHz (2.066 pJ per
 * cycle). The table gives no node; its (8, 4) row is Bit Fusion's 45 nm unit, so 45 nm is assumed for the whole
 * table (estimate), and no area (placeholder 1), so BitMoD's FP16 area stands in (estimate).
 */
public final class MacFpFamily implements PeFamily {
    static final String TABLE = "BitMoD (Chen et al., HPCA 2025) FP16 baseline PE, yc2367/BitMoD-HPCA-25 test_*.py:"
            + " 0.77 pJ/cycle, 1968.7 um2";
    private static final double PICOJOULES_PER_MAC = 0.77;
    private static final double CELL_SQUARE_MICROMETRES = 1968.7;
    static final String MIXPE_TABLE = "MixPE artefact yuzhang712/mixpe_simulator results/systolic_array_synth.csv, "
            + "500MHz: (16,16) unit 1032924 nW total; node not stated (45nm assumed), area BitMoD's FP16 PE";
    /** MixPE artefact (16,16) unit: 1,032,924 nW at 500 MHz (results/systolic_array_synth.csv). */
    private static final double MIXPE_PICOJOULES_PER_MAC = SynthesisPower.picojoulesPerCycle(1032.924, 500);

    @Override
    public String id() {
        return "mac-fp";
    }

    @Override
    public String description() {
        return "bit-parallel FP16/BF16 MAC cell (one MAC per cycle) in a systolic array";
    }

    @Override
    public String source() {
        return TABLE;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cell", "one FP16 MAC");
        facts.put("dataflows", "os, ws, is");
        facts.put("params", "format (fp16, bf16), placeAndRouteFactor, costTable (bitmod, mixpe)");
        return facts;
    }

    @Override
    public PeParams parseParams(SpecNode params) {
        params.allowOnly("format", "placeAndRouteFactor", "costTable");
        String format = params.optionalField("format").map(n -> {
            String text = n.text();
            if (!text.equals("fp16") && !text.equals("bf16")) {
                throw n.error("must be one of fp16, bf16", n.shown());
            }
            return text;
        }).orElse("fp16");
        double placeAndRoute = PlaceAndRoute.factor(params);
        String costTable = params.optionalField("costTable").map(n -> {
            String text = n.text();
            if (!text.equals("bitmod") && !text.equals("mixpe")) {
                throw n.error("must be one of bitmod, mixpe", n.shown());
            }
            return text;
        }).orElse("bitmod");
        return new MacFpParams(format, placeAndRoute, costTable);
    }

    @Override
    public PeParams defaultParams() {
        return new MacFpParams("fp16");
    }

    @Override
    public Set<Dataflow> dataflows() {
        return EnumSet.allOf(Dataflow.class);
    }

    @Override
    public NativePrecisions nativePrecisions(PeParams params) {
        Precision format = ((MacFpParams) params).format().equals("bf16") ? Precision.BF16 : Precision.FP16;
        return new NativePrecisions(format, format, format);
    }

    @Override
    public CellTiming timing(PeParams params, GemmOp op) {
        check(op);
        return CellTiming.SINGLE_MAC;
    }

    @Override
    public CellCost cellCost(PeParams params, GemmOp op) {
        check(op);
        MacFpParams p = (MacFpParams) params;
        double pr = p.placeAndRouteFactor();
        if (p.costTable().equals("mixpe")) {
            return new CellCost(TechNode.N45, Map.of(EnergyCategory.MAC, MIXPE_PICOJOULES_PER_MAC * pr),
                    CELL_SQUARE_MICROMETRES * pr, List.of(new CostSource("mixpe-synth-16-16", MIXPE_TABLE, "45nm",
                            true)));
        }
        boolean bf16 = p.format().equals("bf16");
        CostSource source = new CostSource(bf16 ? "bitmod-fp16-pe-as-bf16" : "bitmod-fp16-pe",
                TABLE + (bf16 ? " (FP16 figures used for BF16)" : "") + (pr == 1.0 ? "" : "; x" + pr
                        + " place-and-route"), "28nm", true);
        return new CellCost(TechNode.N28, Map.of(EnergyCategory.MAC, PICOJOULES_PER_MAC * pr),
                CELL_SQUARE_MICROMETRES * pr, List.of(source));
    }

    private static void check(GemmOp op) {
        if (op.weights().bits() > 16 || op.activations().bits() > 16) {
            throw new BadInputException(op.name() + ": mac-fp multiplies operands of at most 16 bits, got "
                    + op.activations() + " x " + op.weights());
        }
    }

    /** Coded (integer, grid) weights are scaled to FP16 as they enter the array; FP weights need nothing. */
    @Override
    public DequantStatement dequantisation(PeParams params, GemmOp op) {
        if (op.weights().isFloat()) {
            return DequantOps.none(op, "floating-point weights: no metadata to apply");
        }
        return DequantOps.floatArrayWithCodedWeights(op);
    }
}
