package io.bitforge.verilog.sim;

/**
 * The fields a generated kernel declares besides its bindings: one scratch word array per wide intermediate
 * value (allocated once per kernel instance, so a cycle allocates nothing) and the words of wide constants.
 * Names are numbered in the order the source asks for them, so the same design gives the same text.
 */
final class KernelFields {
    private final StringBuilder declarations = new StringBuilder();
    private int count;

    /** A new scratch array of {@code words} longs. */
    String scratch(int words) {
        String name = "t" + count++;
        declarations.append("    private final long[] ").append(name).append(" = new long[").append(words)
                .append("];\n");
        return name;
    }

    /** A constant word array. */
    String constant(long[] words) {
        String name = "k" + count++;
        declarations.append("    private static final long[] ").append(name).append(" = {");
        for (int i = 0; i < words.length; i++) {
            declarations.append(i == 0 ? "" : ", ").append(JavaExpr.literal(words[i]));
        }
        declarations.append("};\n");
        return name;
    }

    String declarations() {
        return declarations.toString();
    }
}
