package io.bitforge.verilog.pe.bitserial;

import io.bitforge.pe.bitserial.Term;
import io.bitforge.pe.bitserial.UnifiedTerms;

import java.util.List;

/**
 * The term decoder's contents: for each weight key ({@code choice << codeBits | code}) and each cycle of a step,
 * the signed radix-4 digit (±1, ±2, or 0 when the weight has no term left) and the shift 2·position — BitMoD's
 * unified representation (pe-models {@link UnifiedTerms}: the non-adjacent form of the code's grid value). A
 * reserved code (no finite value) decodes to no terms.
 */
record TermTable(int codeBits, int cycles, int[][] digits, int[][] shifts) {
    static TermTable of(List<UnifiedTerms> decoders, int codeBits, int cycles) {
        int keys = decoders.size() << codeBits;
        int[][] digits = new int[keys][cycles];
        int[][] shifts = new int[keys][cycles];
        for (int choice = 0; choice < decoders.size(); choice++) {
            for (int code = 0; code < 1 << codeBits; code++) {
                List<Term> terms = valid(decoders.get(choice), code) ? decoders.get(choice).terms(code) : List.of();
                int key = choice << codeBits | code;
                for (int c = 0; c < terms.size(); c++) {
                    digits[key][c] = terms.get(c).digit();
                    shifts[key][c] = 2 * terms.get(c).position();
                }
            }
        }
        return new TermTable(codeBits, cycles, digits, shifts);
    }

    static boolean valid(UnifiedTerms decoder, int code) {
        return Double.isFinite(decoder.format().decode(code));
    }

    int maxShift() {
        int max = 0;
        for (int[] row : shifts) {
            for (int s : row) {
                max = Math.max(max, s);
            }
        }
        return max;
    }
}
