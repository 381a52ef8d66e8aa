package io.bitforge.verilog.pe.bitserial;

import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.PeParams;
import io.bitforge.pe.bitserial.BitSerialParams;
import io.bitforge.pe.bitserial.TimingMode;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlProvider;

import java.util.Optional;

/**
 * Registers the {@code bit-serial} RTL: BitMoD's term engine with integer activations ({@link BitModRtl}); Stripes'
 * and Loom's serial datapaths on integer operands ({@link SerialIntRtl}).
 */
public final class BitSerialRtlProvider implements PeRtlProvider {
    @Override
    public String familyId() {
        return "bit-serial";
    }

    @Override
    public PeRtl create(PeParams params) {
        BitSerialParams p = (BitSerialParams) params;
        boolean intActivations = NumberFormats.parse(p.activationFormat()) instanceof IntFormat f
                && f.encoding() != IntFormat.Encoding.SIGN_MAGNITUDE;
        boolean intWeights = NumberFormats.parse(p.weightFormat()) instanceof IntFormat w
                && w.encoding() != IntFormat.Encoding.SIGN_MAGNITUDE;
        if (p.timing() == TimingMode.BITMOD && intActivations) {
            return new BitModRtl(p);
        }
        if (p.timing() != TimingMode.BITMOD && intActivations && intWeights) {
            return new SerialIntRtl(p);
        }
        throw new BadInputException("hardware.pe.params: bit-serial has RTL for timing bitmod with integer "
                + "activations (activationFormat int{N} or uint{N}) and for timing stripes or loom with integer "
                + "weights and activations; got timing " + p.timing().id() + ", weightFormat " + p.weightFormat()
                + ", activationFormat " + p.activationFormat());
    }

    /** BitMoD with FP16 activations: the same term engine and timing on int8 activations (FP16 alignment: not yet). */
    @Override
    public Optional<StandIn> standIn(PeParams params) {
        BitSerialParams p = (BitSerialParams) params;
        if (p.timing() != TimingMode.BITMOD || !p.activationFormat().equals("fp16")) {
            return Optional.empty();
        }
        BitSerialParams integer = new BitSerialParams(p.timing(), p.weightFormat(), "int8", p.groupSize(), p.lanes(),
                p.bitsPerCycle(), p.placeAndRouteFactor());
        return Optional.of(new StandIn(integer, "activationFormat fp16 -> int8: the RTL's FP16 activation alignment "
                + "is not built yet; weights, term engine and timing are the spec's"));
    }
}
