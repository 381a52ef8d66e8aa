package io.bitforge.verilog.pe.bitfusion;

import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Shape;

/**
 * One narrow multiplier of a fusible unit: two (p+1)-bit signed digits in, their exact (2p+2)-bit product out —
 * Bit Fusion's BitBrick at p = 2 (Sharma et al., ISCA 2018, §III: the sign-mode input extends each 2-bit digit to
 * 3 bits), ANT's 4-bit multiplier at p = 4.
 */
final class BitBrick {
    private BitBrick() {
    }

    static ModuleDef build(int p) {
        ModuleBuilder m = ModuleBuilder.named("bitbrick_p" + p)
                .doc("narrow multiplier: s" + (p + 1) + " x s" + (p + 1) + " -> s" + (2 * p + 2));
        Port x = m.in("x", Shape.s(p + 1));
        Port y = m.in("y", Shape.s(p + 1));
        m.drive(m.out("p", Shape.s(2 * p + 2)), x.times(y));
        return m.build();
    }
}
