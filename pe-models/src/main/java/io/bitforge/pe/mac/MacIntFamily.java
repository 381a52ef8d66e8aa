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
import io.bitforge.pe.SynthesisPower;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code mac-int}: a bit-parallel integer multiply-accumulate cell, one MAC per cycle, in a systolic array
 * (SCALE-Sim's and Bit Fusion's baseline). Area and power come from Bit Fusion's synthesis of fixed-precision
 * units (Sharma et al., ISCA 2018; hsharma35/bitfusion {@code results/systolic_array_synth.csv}, 45 nm, 500 MHz),
 * choosing the smallest fixed unit (2, 4, 8 or 16 bits) that holds both operand widths.
 */
public final class MacIntFamily implements PeFamily {
    static final String TABLE = "Bit Fusion (Sharma et al., ISCA 2018) synthesis, hsharma35/bitfusion "
            + "results/systolic_array_synth.csv, 45nm 500MHz";
    /** The synthesis table's clock; energy per MAC = power / clock ({@link SynthesisPower}). */
    static final double SYNTHESIS_CLOCK_MEGAHERTZ = 500;

    @Override
    public String id() {
        return "mac-int";
    }

    @Override
    public String description() {
        return "bit-parallel integer MAC cell (one MAC per cycle) in a systolic array";
    }

    @Override
    public String source() {
        return TABLE;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cell", "one INT MAC");
        facts.put("dataflows", "os, ws, is");
        facts.put("params", "weightBits, activationBits (2..16), weightType, activationType (int|uint)");
        return facts;
    }

    @Override
    public PeParams parseParams(SpecNode params) {
        params.allowOnly("weightBits", "activationBits", "weightType", "activationType");
        int weightBits = params.optionalField("weightBits").map(n -> n.intIn(2, 16)).orElse(8);
        int activationBits = params.optionalField("activationBits").map(n -> n.intIn(2, 16)).orElse(8);
        return new MacIntParams(weightBits, activationBits, signed(params, "weightType"),
                signed(params, "activationType"));
    }

    /** An operand type: {@code int} (two's complement, the default) or {@code uint}. */
    private static boolean signed(SpecNode params, String field) {
        return params.optionalField(field).map(n -> switch (n.text()) {
            case "int" -> true;
            case "uint" -> false;
            default -> throw n.error("must be one of int, uint", n.shown());
        }).orElse(true);
    }

    @Override
    public PeParams defaultParams() {
        return new MacIntParams(8, 8);
    }

    @Override
    public Set<Dataflow> dataflows() {
        return EnumSet.allOf(Dataflow.class);
    }

    @Override
    public NativePrecisions nativePrecisions(PeParams params) {
        MacIntParams p = (MacIntParams) params;
        // Products accumulate in 32-bit integers, which is what leaves the array.
        return new NativePrecisions(new Precision(p.activationFormat(), p.activationBits()),
                new Precision(p.weightFormat(), p.weightBits()), Precision.INT32);
    }

    @Override
    public CellTiming timing(PeParams params, GemmOp op) {
        check((MacIntParams) params, op);
        return CellTiming.SINGLE_MAC;
    }

    @Override
    public CellCost cellCost(PeParams params, GemmOp op) {
        MacIntParams p = (MacIntParams) params;
        check(p, op);
        FixedUnit unit = FixedUnit.forBits(p.unitBits());
        double picojoulesPerMac = SynthesisPower.picojoulesPerCycle(unit.microwatts, SYNTHESIS_CLOCK_MEGAHERTZ);
        CostSource source = new CostSource("bitfusion-synth-fixed-" + unit.bits + "x" + unit.bits,
                TABLE + ": fixed " + unit.bits + "x" + unit.bits + " unit " + unit.squareMicrometres + " um2, "
                        + unit.microwatts + " uW", "45nm", false);
        return new CellCost(TechNode.N45, Map.of(EnergyCategory.MAC, picojoulesPerMac), unit.squareMicrometres,
                List.of(source));
    }

    private static void check(MacIntParams p, GemmOp op) {
        if (op.weights().bits() > p.weightBits() || op.activations().bits() > p.activationBits()) {
            throw new BadInputException(op.name() + ": mac-int with " + p.weightBits() + "-bit weights and "
                    + p.activationBits() + "-bit activations cannot run " + op.weights() + " weights x "
                    + op.activations() + " activations");
        }
    }

    /** Bit Fusion's fixed-precision units (p_max = p_min), per 1x1 unit, 45 nm, 500 MHz. */
    private enum FixedUnit {
        B2(2, 124.9, 31.6), B4(4, 282.2, 67.9), B8(8, 687.6, 171.8), B16(16, 2203.2, 542.7);

        final int bits;
        final double squareMicrometres;
        final double microwatts;

        FixedUnit(int bits, double squareMicrometres, double microwatts) {
            this.bits = bits;
            this.squareMicrometres = squareMicrometres;
            this.microwatts = microwatts;
        }

        static FixedUnit forBits(int bits) {
            for (FixedUnit unit : values()) {
                if (unit.bits >= bits) {
                    return unit;
                }
            }
            throw new IllegalArgumentException("no fixed unit for " + bits + " bits");
        }
    }

    /** Integer sums: per-channel scales at the array edge, per-group scales on the vector unit. */
    @Override
    public DequantStatement dequantisation(PeParams params, GemmOp op) {
        return DequantOps.integerArray(op);
    }
}
