package io.bitforge.verilog.ladder;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.verilog.array.GeneratedArray;
import io.bitforge.verilog.array.TileShape;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.pe.GroupScales;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlProvider;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.core.spec.PeSpec;

import java.util.function.Consumer;

import java.util.Random;

/**
 * The design a hardware spec describes: its PE family's RTL at the spec's parameters, on the spec's array (its
 * rows and columns, dataflow), running one tile whose operand buffers hold seeded codes.
 */
public record PeDesign(PeRtl pe, GeneratedArray array, long[] activationCodes, long[] weightCodes, ModuleDef top) {
    /**
     * Builds it. {@code tile} null: one fold filling the array (M = rows·lanesM, N = cols·lanesN) with
     * K = 4·lanesK.
     */
    public static PeDesign of(HardwareSpec spec, PeRtlRegistry rtl, TileShape tile, long seed) {
        PeRtl pe = forSpec(spec, rtl);
        TileShape shape = tile != null ? tile : new TileShape(spec.array().rows() * pe.timing().lanesM(),
                4 * pe.timing().lanesK(), spec.array().cols() * pe.timing().lanesN());
        if (shape.k() % pe.kMultiple() != 0) {
            throw BadRequestException.of("k", shape.k(), "the " + pe.familyId() + " RTL runs tiles whose K is a "
                    + "multiple of " + pe.kMultiple() + " (codes pair up along K)");
        }
        if (shape.k() > pe.maxTileK()) {
            throw BadRequestException.of("k", shape.k(), "the " + pe.familyId() + " RTL runs tiles of at most "
                    + pe.maxTileK() + " along K (one quantisation group)");
        }
        Random rnd = new Random(seed);
        long[] a = pe.randomActivations(rnd, shape.m(), shape.k());
        long[] b = pe.randomWeights(rnd, shape.k(), shape.n());
        GroupScales scales = pe.groupDequantiser().map(dq -> dq.scales(rnd, b, shape.k(), shape.n())).orElse(null);
        GeneratedArray array = GeneratedArray.build(pe, spec.array().rows(), spec.array().cols(), spec.dataflow(),
                shape, a, b, scales);
        return new PeDesign(pe, array, a, b, array.top());
    }

    /**
     * The spec itself when its parameters have RTL, else the spec with the provider's stand-in parameters
     * ({@link PeRtlProvider#standIn}), whose note goes to {@code notes}; unchanged (so that {@link #forSpec} names
     * the problem) when there is no stand-in.
     */
    public static HardwareSpec withRtlParams(HardwareSpec spec, PeRtlRegistry rtl, Consumer<String> notes) {
        PeRtlProvider provider = rtl.require("hardware.pe.family:", spec.pe().family());
        try {
            provider.create(spec.pe().params());
            return spec;
        } catch (BadInputException e) {
            return provider.standIn(spec.pe().params()).map(s -> {
                notes.accept(spec.name() + ": " + s.note());
                return spec.withPe(new PeSpec(spec.pe().family(), s.params()));
            }).orElse(spec);
        }
    }

    /** The spec's family's RTL at the spec's parameters; bad input when the family or dataflow has none. */
    public static PeRtl forSpec(HardwareSpec spec, PeRtlRegistry rtl) {
        PeRtl pe = rtl.require("hardware.pe.family:", spec.pe().family()).create(spec.pe().params());
        if (!pe.dataflows().contains(spec.dataflow())) {
            throw new BadInputException("hardware.dataflow: the " + pe.familyId() + " RTL is generated for "
                    + pe.dataflows().stream().map(Dataflow::id).sorted().toList() + ", got " + spec.dataflow().id());
        }
        return pe;
    }
}
