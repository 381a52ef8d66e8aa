package io.bitforge.verilog.pe.bitserial;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.pe.bitserial.BitSerialParams;
import io.bitforge.pe.bitserial.Term;
import io.bitforge.pe.bitserial.TimingMode;
import io.bitforge.pe.bitserial.UnifiedTerms;
import io.bitforge.verilog.pe.ReferenceGemm;

import java.util.List;

/**
 * The bit-serial family's functional model as the ladder calls it: Σ_k a_k · (Σ of the weight's unified terms, from
 * pe-models' {@link UnifiedTerms}), in the type's integer grid units, wrapped to the cell's 32-bit accumulator.
 * A weight key is {@code choice << codeBits | code} (choice 0 for a single type). Under Stripes and Loom timing the
 * weights are plain {@code int{N}}/{@code uint{N}} codes whose value is the format's own decode (BitMoD's
 * radix-4 terms are not what those machines compute with, and some unsigned codes have no two-term form).
 */
final class TermReference {
    static final int ACCUMULATOR_BITS = 32;

    private TermReference() {
    }

    static ReferenceGemm of(BitSerialParams params) {
        List<UnifiedTerms> decoders = params.timing() == TimingMode.BITMOD
                ? UnifiedTerms.forFormat(NumberFormats.parse(params.weightFormat())) : List.of();
        int codeBits = NumberFormats.parse(params.weightFormat()).bits();
        IntFormat act = (IntFormat) NumberFormats.parse(params.activationFormat());
        boolean plainIntegers = params.timing() != TimingMode.BITMOD;
        return (a, w, m, k, n) -> {
            long[] out = new long[m * n];
            for (int row = 0; row < m; row++) {
                for (int col = 0; col < n; col++) {
                    long sum = 0;
                    for (int i = 0; i < k; i++) {
                        long key = w[i * n + col];
                        long grid = 0;
                        if (plainIntegers) {
                            grid = (long) ((IntFormat) NumberFormats.parse(params.weightFormat())).decode((int) key);
                        } else {
                            UnifiedTerms decoder = decoders.get((int) (key >>> codeBits));
                            for (Term t : decoder.terms((int) (key & Bits.mask(codeBits)))) {
                                grid += t.value();
                            }
                        }
                        sum += (long) act.decode((int) a[row * k + i]) * grid;
                    }
                    out[row * n + col] = Bits.wrap(sum, ACCUMULATOR_BITS, true);
                }
            }
            return out;
        };
    }
}
