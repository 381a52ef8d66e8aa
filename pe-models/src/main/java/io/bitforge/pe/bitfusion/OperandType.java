package io.bitforge.pe.bitfusion;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a unit reads an operand's code: two's-complement or unsigned integers (both variants; Bit Fusion's
 * BitBricks take a sign-mode bit per operand), or ANT's flint and unsigned flint (4-bit codes, ANT only), which
 * the PE decodes to exponent–integer pairs before its 4-bit multiplier.
 */
public enum OperandType {
    INT("int", true), UINT("uint", false), FLINT("flint", true), UFLINT("uflint", false);

    private final String id;
    private final boolean signed;

    OperandType(String id, boolean signed) {
        this.id = id;
        this.signed = signed;
    }

    public String id() {
        return id;
    }

    public boolean signed() {
        return signed;
    }

    /** Flint types exist at 4 bits only and are decoded by ANT's PE. */
    public boolean isFlint() {
        return this == FLINT || this == UFLINT;
    }

    /** The DESIGN.md format id of an operand of this type and width ({@code int4}, {@code uflint4}). */
    public String formatId(int bits) {
        return id + bits;
    }

    public static Optional<OperandType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(OperandType::id).collect(Collectors.joining(", "));
    }
}
