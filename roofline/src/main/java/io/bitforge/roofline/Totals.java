package io.bitforge.roofline;

/** Sums over rows: operations, DRAM bytes by operand, link bytes, seconds (rows run one after another). */
public record Totals(double ops, OperandBytes bytes, long linkBytes, double seconds) {
    public static final Totals ZERO = new Totals(0, OperandBytes.ZERO, 0, 0);

    public Totals plus(OpRoofline row) {
        return new Totals(ops + row.ops(), bytes.plus(row.bytes()), linkBytes + row.linkBytes(),
                seconds + row.seconds());
    }

    public Totals plus(Totals other) {
        return new Totals(ops + other.ops, bytes.plus(other.bytes), linkBytes + other.linkBytes,
                seconds + other.seconds);
    }
}
