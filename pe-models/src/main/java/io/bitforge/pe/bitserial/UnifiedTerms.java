package io.bitforge.pe.bitserial;

import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.NumberFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * The decoder of the bit-serial PE: every weight code of an element format, turned into the unified term
 * representation shared by all BitMoD data types (BitMoD, Chen et al., HPCA 2025, "unified representation").
 * A code's value {@code v} is first put on an integer grid {@code v = u · 2^-unitShift} (BitMoD's FP3/FP4 grids
 * already are integers: E2M1 ×2; {@code unitShift} is 0 for them and for INT), then {@code u} is written in
 * non-adjacent form (signed binary digits, no two adjacent non-zero) and each non-zero digit ±2^e becomes one
 * {@link Term} (±1 or ±2 at radix-4 position ⌊e/2⌋). The non-adjacent form has the fewest non-zero digits, at most
 * ⌈(n+1)/2⌉ for an n-bit magnitude, so every value of a w-bit BitMoD or two's-complement INT format needs at most
 * ⌈w/2⌉ terms: the PE's fixed ⌈⌊w⌋/2⌉ cycles per step (yc2367/BitMoD-HPCA-25 {@code pe_array.py}). A format
 * with a value that needs more terms is not one this PE decodes, and the constructor says so.
 */
public final class UnifiedTerms {
    private final ElementFormat format;
    private final int unitShift;
    private final int cyclesPerWeight;
    private final Term[][] termsByCode;

    public UnifiedTerms(ElementFormat format) {
        this.format = format;
        this.cyclesPerWeight = cyclesPerWeight(format.bits());
        int codes = 1 << format.bits();
        int shift = 0;
        for (int code = 0; code < codes; code++) {
            double v = format.decode(code);
            if (!Double.isFinite(v)) {
                continue;
            }
            while (shift < 24 && Math.scalb(v, shift) != Math.rint(Math.scalb(v, shift))) {
                shift++;
            }
        }
        this.unitShift = shift;
        termsByCode = new Term[codes][];
        for (int code = 0; code < codes; code++) {
            double v = format.decode(code);
            if (!Double.isFinite(v)) {
                termsByCode[code] = null;
                continue;
            }
            double scaled = Math.scalb(v, shift);
            if (scaled != Math.rint(scaled) || Math.abs(scaled) > (1L << 30)) {
                throw new IllegalArgumentException(format.id() + ": value " + v + " is not on a fixed-point grid");
            }
            Term[] terms = nonAdjacentForm((long) scaled);
            if (terms.length > cyclesPerWeight) {
                throw new IllegalArgumentException(format.id() + ": value " + v + " needs " + terms.length
                        + " radix-4 terms, more than the " + cyclesPerWeight + " cycles a " + format.bits()
                        + "-bit weight gets");
            }
            termsByCode[code] = terms;
        }
    }

    /** The decoders of a weight format: one for an element format, one per candidate for a BitMoD mixture. */
    public static List<UnifiedTerms> forFormat(NumberFormat format) {
        if (format instanceof ElementFormat element) {
            return List.of(new UnifiedTerms(element));
        }
        if (format instanceof BitmodMixture mixture) {
            return mixture.candidates().stream().map(UnifiedTerms::new).toList();
        }
        throw new IllegalArgumentException(format.id() + " is not a weight format of the bit-serial PE (element "
                + "formats and BitMoD mixtures only)");
    }

    /** BitMoD's latency rule: ⌈⌊w⌋/2⌉ cycles for a w-bit weight (two bits, one radix-4 term, per cycle). */
    public static int cyclesPerWeight(double weightBits) {
        return Math.max(1, (int) Math.ceil(Math.floor(weightBits) / 2));
    }

    /** Signed binary digits of {@code u} with no two adjacent non-zero, as radix-4 terms, least significant first. */
    static Term[] nonAdjacentForm(long u) {
        List<Term> terms = new ArrayList<>();
        long rest = u;
        int exponent = 0;
        while (rest != 0) {
            if ((rest & 1) != 0) {
                long digit = 2 - Math.floorMod(rest, 4); // +1 when rest ≡ 1 (mod 4), −1 when rest ≡ 3
                rest -= digit;
                int radix4Digit = (int) digit << (exponent & 1);
                terms.add(new Term(radix4Digit, exponent >> 1));
            }
            rest >>= 1;
            exponent++;
        }
        return terms.toArray(new Term[0]);
    }

    public ElementFormat format() {
        return format;
    }

    /** Fixed-point position of the integer grid: a value is Σ terms · 2^-unitShift. */
    public int unitShift() {
        return unitShift;
    }

    /** Cycles the PE spends per weight (= per step): ⌈⌊bits⌋/2⌉. */
    public int cyclesPerWeight() {
        return cyclesPerWeight;
    }

    /** The terms of a code, least significant first; empty for zero. Reserved codes throw. */
    public List<Term> terms(int code) {
        Term[] terms = termsByCode[code];
        if (terms == null) {
            throw new IllegalArgumentException(format.id() + ": code " + code + " is reserved");
        }
        return List.of(terms);
    }
}
