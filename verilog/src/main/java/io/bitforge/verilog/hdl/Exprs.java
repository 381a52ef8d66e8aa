package io.bitforge.verilog.hdl;

import java.util.function.Consumer;

/** Traversal helpers over expression trees. */
public final class Exprs {
    private Exprs() {
    }

    /** Calls {@code visit} on every node of the tree, parents before children (shared nodes repeat). */
    public static void forEachNode(Expr root, Consumer<Expr> visit) {
        java.util.ArrayDeque<Expr> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            visit.accept(e);
            if (e instanceof Unary u) {
                stack.push(u.operand());
            } else if (e instanceof Binary b) {
                stack.push(b.right());
                stack.push(b.left());
            } else if (e instanceof Mux m) {
                stack.push(m.whenFalse());
                stack.push(m.whenTrue());
                stack.push(m.select());
            } else if (e instanceof Slice s) {
                stack.push(s.source());
            } else if (e instanceof Resize r) {
                stack.push(r.source());
            } else if (e instanceof Concat c) {
                for (int i = c.partsMsbFirst().size() - 1; i >= 0; i--) {
                    stack.push(c.partsMsbFirst().get(i));
                }
            }
        }
    }

    /** The leaves read by {@code root}: nets, read ports and instance outputs. */
    public static void forEachLeaf(Expr root, Consumer<Expr> visit) {
        forEachNode(root, e -> {
            if (e instanceof Net || e instanceof ReadPort || e instanceof InstOut) {
                visit.accept(e);
            }
        });
    }
}
