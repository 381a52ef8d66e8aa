package io.bitforge.verilog.pe.bitserial;

import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.PeParams;
import io.bitforge.pe.bitserial.BitSerialDequant;
import io.bitforge.pe.bitserial.BitSerialParams;
import io.bitforge.pe.bitserial.TimingMode;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlProvider;

import java.util.List;

/**
 * Registers the {@code bit-serial} RTL: BitMoD's term engine with FP16 or integer activations ({@link BitModRtl});
 * Stripes' and Loom's serial datapaths on integer operands ({@link SerialIntRtl}).
 */
public final class BitSerialRtlProvider implements PeRtlProvider {
    @Override
    public String familyId() {
        return "bit-serial";
    }

    @Override
    public PeRtl create(PeParams params) {
        BitSerialParams p = (BitSerialParams) params;
        boolean fp16 = p.activationFormat().equals("fp16");
        boolean intActivations = !fp16 && NumberFormats.parse(p.activationFormat()) instanceof IntFormat f
                && f.encoding() != IntFormat.Encoding.SIGN_MAGNITUDE;
        boolean intWeights = NumberFormats.parse(p.weightFormat()) instanceof IntFormat w
                && w.encoding() != IntFormat.Encoding.SIGN_MAGNITUDE;
        if (p.timing() == TimingMode.BITMOD && (fp16 || intActivations)) {
            return new BitModRtl(p);
        }
        if (p.timing() != TimingMode.BITMOD && intActivations && intWeights) {
            return new SerialIntRtl(p);
        }
        if (p.dequant() == BitSerialDequant.EDGE) {
            throw new BadInputException("hardware.pe.params.dequant: bit-serial has edge dequantisers in RTL for timing "
                    + "bitmod with FP16 or integer activations; got timing " + p.timing().id() + ", activationFormat "
                    + p.activationFormat());
        }
        throw new BadInputException("hardware.pe.params: bit-serial has RTL for timing bitmod with FP16 or "
                + "integer activations (activationFormat fp16, int{N} or uint{N}) and for timing stripes or loom with integer "
                + "weights and activations; got timing " + p.timing().id() + ", weightFormat " + p.weightFormat()
                + ", activationFormat " + p.activationFormat());
    }

    /** BitMoD with the PE's own dequantiser is also checked with the dequantisers at the array edge ({@code +edge}). */
    @Override
    public List<Variant> variants(PeParams params) {
        BitSerialParams p = (BitSerialParams) params;
        if (p.timing() != TimingMode.BITMOD || p.dequant() != BitSerialDequant.PE) {
            return List.of();
        }
        return List.of(new Variant("+edge", p.withDequant(BitSerialDequant.EDGE)));
    }
}
