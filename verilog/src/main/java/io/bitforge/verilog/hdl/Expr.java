package io.bitforge.verilog.hdl;

/**
 * A hardware expression: an immutable tree of records whose leaves are nets (ports, wires, registers),
 * constants, memory read ports and instance outputs. Every operator is lossless; narrowing is explicit.
 *
 * <p>Width rules ({@code a}, {@code b} operands; {@code U} = {@link Shape#unify} of their shapes, which turns
 * an unsigned u(n) joining a signed shape into s(n+1)):
 * <ul>
 *   <li>{@code a + b}: U widened by 1 bit, U's signedness;</li>
 *   <li>{@code a +% b} ({@link #plusWrapped}): U, the sum wrapped to it;</li>
 *   <li>{@code a - b}: signed, U's width + 1 (the difference of two unsigned values can be negative);</li>
 *   <li>{@code a * b}: {@code wa + wb}, unsigned when both are; otherwise signed and an unsigned operand
 *       first becomes s(w+1) (so the result is {@code wa + wb + 1});</li>
 *   <li>{@code -a}: signed, {@code wa + 1}; {@code ~a}: a's shape;</li>
 *   <li>{@code a & b}, {@code a | b}, {@code a ^ b}: U (operands extended by their own signedness);</li>
 *   <li>comparisons ({@code == != < <= > >=}) and reductions (any, all, parity): u(1); comparisons compare
 *       the numbers, not the bit patterns;</li>
 *   <li>{@code a << n} (constant): {@code wa + n}; {@code a >> n} (constant, arithmetic when signed):
 *       {@code max(1, wa - n)}; {@code a >> s} (s an unsigned expression): {@code wa};
 *       {@code a << s}: {@code wa + 2^ws - 1};</li>
 *   <li>mux: U of the two choices, select must be 1 bit; slice {@code [hi:lo]}: u(hi-lo+1);
 *       concatenation: unsigned, the sum of the widths; resize: the requested shape (sign- or zero-extends by
 *       the source's signedness, or keeps the low bits); asSigned/asUnsigned: same bits, other signedness.</li>
 * </ul>
 * A result wider than {@value Shape#MAX_WIDTH} bits is rejected when the expression is built; results wider
 * than 64 bits are simulated on a slower {@link java.math.BigInteger} path.
 */
public sealed interface Expr permits Const, Unary, Binary, Mux, Slice, Concat, Resize, Net, ReadPort, InstOut {
    Shape shape();

    default int width() {
        return shape().width();
    }

    default Expr plus(Expr other) {
        return Binary.of(BinaryOp.ADD, this, other);
    }

    /** {@code a + b} wrapped to U's width (two's complement), no carry bit: see {@link BinaryOp#ADD_WRAP}. */
    default Expr plusWrapped(Expr other) {
        return Binary.of(BinaryOp.ADD_WRAP, this, other);
    }

    default Expr minus(Expr other) {
        return Binary.of(BinaryOp.SUB, this, other);
    }

    default Expr times(Expr other) {
        return Binary.of(BinaryOp.MUL, this, other);
    }

    default Expr and(Expr other) {
        return Binary.of(BinaryOp.AND, this, other);
    }

    default Expr or(Expr other) {
        return Binary.of(BinaryOp.OR, this, other);
    }

    default Expr xor(Expr other) {
        return Binary.of(BinaryOp.XOR, this, other);
    }

    default Expr eq(Expr other) {
        return Binary.of(BinaryOp.EQ, this, other);
    }

    default Expr ne(Expr other) {
        return Binary.of(BinaryOp.NE, this, other);
    }

    default Expr lt(Expr other) {
        return Binary.of(BinaryOp.LT, this, other);
    }

    default Expr le(Expr other) {
        return Binary.of(BinaryOp.LE, this, other);
    }

    default Expr gt(Expr other) {
        return Binary.of(BinaryOp.GT, this, other);
    }

    default Expr ge(Expr other) {
        return Binary.of(BinaryOp.GE, this, other);
    }

    default Expr plus(long constant) {
        return plus(Const.smallest(constant));
    }

    default Expr minus(long constant) {
        return minus(Const.smallest(constant));
    }

    default Expr eq(long constant) {
        return eq(Const.smallest(constant));
    }

    default Expr ne(long constant) {
        return ne(Const.smallest(constant));
    }

    default Expr not() {
        return Unary.of(UnaryOp.NOT, this);
    }

    default Expr neg() {
        return Unary.of(UnaryOp.NEG, this);
    }

    default Expr anyBit() {
        return Unary.of(UnaryOp.ANY, this);
    }

    default Expr allBits() {
        return Unary.of(UnaryOp.ALL, this);
    }

    default Expr parity() {
        return Unary.of(UnaryOp.PARITY, this);
    }

    default Expr asSigned() {
        return shape().signed() ? this : Unary.of(UnaryOp.AS_SIGNED, this);
    }

    default Expr asUnsigned() {
        return shape().signed() ? Unary.of(UnaryOp.AS_UNSIGNED, this) : this;
    }

    default Expr shl(int amount) {
        return Binary.of(BinaryOp.SHL, this, Const.smallest(amount));
    }

    default Expr shr(int amount) {
        return Binary.of(BinaryOp.SHR, this, Const.smallest(amount));
    }

    default Expr shl(Expr amount) {
        return Binary.of(BinaryOp.DSHL, this, amount);
    }

    default Expr shr(Expr amount) {
        return Binary.of(BinaryOp.DSHR, this, amount);
    }

    default Expr bit(int index) {
        return slice(index, index);
    }

    default Expr slice(int hi, int lo) {
        return Slice.of(this, hi, lo);
    }

    /** Sign- or zero-extends (by this expression's signedness) or keeps the low bits. */
    default Expr resize(Shape target) {
        return target.equals(shape()) ? this : new Resize(this, target);
    }

    /** Keeps the low {@code width} bits, keeping the signedness. */
    default Expr truncate(int width) {
        return resize(new Shape(width, shape().signed()));
    }

    /** Extends to {@code width} bits; refuses to narrow. */
    default Expr extend(int width) {
        if (width < width()) {
            throw new HdlException("extend to " + width + " bits would narrow a " + shape() + " value; use truncate");
        }
        return resize(new Shape(width, shape().signed()));
    }
}
