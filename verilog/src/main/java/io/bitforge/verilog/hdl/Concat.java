package io.bitforge.verilog.hdl;

import java.util.List;

/** Concatenation, most significant part first; unsigned, as wide as the parts together. */
public record Concat(List<Expr> partsMsbFirst, Shape shape) implements Expr {
    public Concat {
        partsMsbFirst = List.copyOf(partsMsbFirst);
    }

    public static Concat of(List<? extends Expr> partsMsbFirst) {
        if (partsMsbFirst.isEmpty()) {
            throw new HdlException("a concatenation needs at least one part");
        }
        int width = 0;
        for (Expr part : partsMsbFirst) {
            width += part.width();
        }
        return new Concat(List.copyOf(partsMsbFirst), Shape.u(Shape.checked(width)));
    }
}
