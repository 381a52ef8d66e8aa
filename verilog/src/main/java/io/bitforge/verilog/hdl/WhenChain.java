package io.bitforge.verilog.hdl;

import java.util.function.Consumer;

/** An if / else-if / else chain, lowered to muxes when the module is built. */
public interface WhenChain {
    WhenChain elseWhen(Expr condition, Consumer<Scope> body);

    void otherwise(Consumer<Scope> body);
}
