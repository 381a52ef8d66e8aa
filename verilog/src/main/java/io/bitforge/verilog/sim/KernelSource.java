package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The Java source of one design's {@link CompiledKernel}: the levelised combinational drivers as straight-line
 * assignments to the value array (nets wider than 64 bits as {@link WideWords} calls on the wide words), then
 * every register's next value. Statements are split into methods
 * of a bounded number of operator nodes, far below the JVM's 64 KB method limit and HotSpot's 8,000-byte limit
 * for compiling a method at all ({@code -XX:HugeMethodLimit}). The same design always gives the same text, so
 * its hash is the cache key. {@code combFallbacks} and {@code nextFallbacks} are the interpreter's closures for
 * what is not translated (black boxes, asynchronous memory reads), in the order the source indexes them.
 */
record KernelSource(String className, String javaSource, List<Consumer<long[]>> combFallbacks,
        List<ToLongFunction<long[]>> nextFallbacks, int translatedDrivers, int methods) {

    static final String PACKAGE = "io.bitforge.verilog.sim.generated";
    static final String SIMPLE_NAME = "Kernel";
    /** Operator nodes per generated method: a few bytes of bytecode each, so a method stays well under 8 KB. */
    private static final int NODES_PER_METHOD = 400;

    static KernelSource of(String designName, List<CombNode> comb, List<RegUpdate> regs, List<WideRegUpdate> wideRegs,
            WideStore store) {
        List<Consumer<long[]>> combFallbacks = new ArrayList<>();
        List<ToLongFunction<long[]>> nextFallbacks = new ArrayList<>();
        KernelFields fields = new KernelFields();
        Methods settle = new Methods("s", "long[] v", "v");
        Methods next = new Methods("n", "long[] v, long[] p, boolean rst", "v, p, rst");
        int translated = 0;
        for (CombNode n : comb) {
            if (n.expr == null) {
                settle.add("c[" + combFallbacks.size() + "].accept(v);", 1);
                combFallbacks.add(n.run);
                continue;
            }
            JavaExpr writer = new JavaExpr(n.leafSlot, fields, store);
            int slot = n.writes[0];
            if (store.shape(slot) != null) {
                Shape shape = store.shape(slot);
                writer.compute(new JavaExpr.Words("w", store.offset(slot), WideStore.wordCount(shape.width()),
                        shape.signed()), n.expr);
                settle.add(writer.takePrelude().stripTrailing(), writer.nodes());
            } else {
                String value = writer.write(n.expr);
                settle.add(writer.takePrelude() + "v[" + slot + "] = " + value + ";", writer.nodes());
            }
            translated++;
        }
        for (int i = 0; i < regs.size(); i++) {
            RegUpdate r = regs.get(i);
            String value;
            String prelude = "";
            int nodes = 1;
            if (r.expr != null) {
                JavaExpr writer = new JavaExpr(r.leafSlot, fields, store);
                value = writer.write(r.expr);
                prelude = writer.takePrelude();
                nodes = writer.nodes();
                translated++;
            } else {
                value = "r[" + nextFallbacks.size() + "].applyAsLong(v)";
                Eval e = r.next;
                nextFallbacks.add(e::eval);
            }
            if (r.hasReset) {
                value = "rst ? " + JavaExpr.literal(r.resetValue) + " : " + value;
            }
            next.add(prelude + "p[" + i + "] = " + value + ";", nodes);
        }
        for (WideRegUpdate r : wideRegs) {
            Shape shape = store.shape(r.slot);
            int count = WideStore.wordCount(shape.width());
            JavaExpr.Words target = new JavaExpr.Words("wp", store.offset(r.slot), count, shape.signed());
            JavaExpr writer = new JavaExpr(r.leafSlot, fields, store);
            writer.compute(target, r.expr);
            String compute = writer.takePrelude().stripTrailing();
            if (r.hasReset) {
                long[] words = new long[count];
                WideWords.fromBigInteger(r.resetValue, words, 0, count);
                String reset = fields.constant(words);
                compute = "if (rst) {\n            WideWords.copy(" + target.target() + ", " + reset + ", 0, " + count
                        + ", " + shape.signed() + ");\n        } else {\n            "
                        + compute.replace("\n        ", "\n            ") + "\n        }";
            }
            next.add(compute, writer.nodes() + 1);
            translated++;
        }
        StringBuilder src = new StringBuilder();
        src.append("package ").append(PACKAGE).append(";\n\n");
        src.append("import io.bitforge.verilog.sim.WideWords;\nimport java.util.function.Consumer;\n"
                + "import java.util.function.ToLongFunction;\n\n");
        src.append("/** Generated by BitForge from design ").append(designName.replaceAll("[^A-Za-z0-9_]", "_"))
                .append(": the compiled simulator's kernel. */\n");
        src.append("public final class ").append(SIMPLE_NAME)
                .append(" implements io.bitforge.verilog.sim.CompiledKernel {\n");
        src.append("    private Consumer<long[]>[] c;\n    private ToLongFunction<long[]>[] r;\n");
        src.append("    private long[] w;\n    private long[] wp;\n");
        src.append(fields.declarations()).append('\n');
        src.append("    @Override\n    public void bind(Consumer<long[]>[] c, ToLongFunction<long[]>[] r, long[] w,"
                + " long[] wp) {\n");
        src.append("        this.c = c;\n        this.r = r;\n        this.w = w;\n        this.wp = wp;\n    }\n\n");
        settle.appendTo(src, "settle");
        next.appendTo(src, "next");
        // the interpreter's shifts (ExprCompiler.shiftRight and its DSHL), so both agree on every amount
        src.append("    private static long shr(long value, long amount, boolean signed) {\n");
        src.append("        if (amount < 0 || amount >= 64) {\n");
        src.append("            return signed && value < 0 ? -1L : 0L;\n        }\n");
        src.append("        return signed ? value >> amount : value >>> amount;\n    }\n\n");
        src.append("    private static long dshl(long value, long amount) {\n");
        src.append("        return amount >= 64 ? 0L : value << amount;\n    }\n}\n");
        return new KernelSource(PACKAGE + "." + SIMPLE_NAME, src.toString(), List.copyOf(combFallbacks),
                List.copyOf(nextFallbacks), translated, settle.bodies.size() + next.bodies.size());
    }

    /** Statements split into private methods of at most {@link #NODES_PER_METHOD} nodes (one statement may exceed it). */
    private static final class Methods {
        final String prefix;
        final String params;
        final String args;
        final List<StringBuilder> bodies = new ArrayList<>();
        int nodes = NODES_PER_METHOD;

        Methods(String prefix, String params, String args) {
            this.prefix = prefix;
            this.params = params;
            this.args = args;
        }

        void add(String statement, int statementNodes) {
            if (nodes + statementNodes > NODES_PER_METHOD && !(nodes == 0)) {
                bodies.add(new StringBuilder());
                nodes = 0;
            }
            bodies.get(bodies.size() - 1).append("        ").append(statement).append('\n');
            nodes += statementNodes;
        }

        void appendTo(StringBuilder src, String publicName) {
            src.append("    @Override\n    public void ").append(publicName).append('(').append(params).append(") {\n");
            for (int i = 0; i < bodies.size(); i++) {
                src.append("        ").append(prefix).append(i).append('(').append(args).append(");\n");
            }
            src.append("    }\n\n");
            for (int i = 0; i < bodies.size(); i++) {
                src.append("    private void ").append(prefix).append(i).append('(').append(params).append(") {\n");
                src.append(bodies.get(i)).append("    }\n\n");
            }
        }
    }
}
