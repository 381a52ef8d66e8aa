package io.bitforge.verilog.gen;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.hdl.Direction;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ExternModel;
import io.bitforge.verilog.hdl.ExternModuleDef;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.InstOut;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.PortDecl;
import io.bitforge.verilog.hdl.Shape;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The iCE40 UltraPlus DSP block SB_MAC16 as a black box, in the one mode the generators use: an unregistered
 * 16×16 multiply, O = A·B (32 bits), signedness per A_SIGNED / B_SIGNED. Behaviour from the Lattice iCE40
 * DSP usage guide (TN1295) and Yosys's simulation model (YosysHQ/yosys techlibs/ice40/cells_sim.v):
 * with every register parameter 0 and TOPOUTPUT_SELECT = BOTOUTPUT_SELECT = 3, O is the product iH = iL.
 */
public final class SbMac16 {
    /** Parameters of the multiply mode; other parameters keep their defaults (0). */
    public static final Map<String, Long> MULTIPLY_MODE = Map.of("TOPOUTPUT_SELECT", 3L, "BOTOUTPUT_SELECT", 3L);

    public static final ExternModuleDef DEF = new ExternModuleDef("SB_MAC16", List.of(
            new PortDecl("A", Direction.IN, Shape.u(16)),
            new PortDecl("B", Direction.IN, Shape.u(16)),
            new PortDecl("O", Direction.OUT, Shape.u(32))), List.of(), true, SbMac16::model);

    private SbMac16() {
    }

    /** Instantiates a 16×16 multiplier; {@code a} and {@code b} must be 16 bits wide. Returns O (u32). */
    public static InstOut multiply(ModuleBuilder m, String name, Expr a, Expr b, boolean signed) {
        Instance i = m.instance(name, DEF);
        i.connect("A", a.asUnsigned()).connect("B", b.asUnsigned());
        MULTIPLY_MODE.forEach(i::param);
        i.param("A_SIGNED", signed ? 1 : 0).param("B_SIGNED", signed ? 1 : 0);
        return i.out("O");
    }

    private static ExternModel model(SortedMap<String, Long> params) {
        for (Map.Entry<String, Long> p : params.entrySet()) {
            boolean ok = switch (p.getKey()) {
                case "TOPOUTPUT_SELECT", "BOTOUTPUT_SELECT" -> p.getValue() == 3;
                case "A_SIGNED", "B_SIGNED" -> p.getValue() == 0 || p.getValue() == 1;
                default -> p.getValue() == 0;
            };
            if (!ok) {
                throw new HdlException("SB_MAC16 model supports only the unregistered 16x16 multiply mode; "
                        + p.getKey() + "=" + p.getValue() + " is not modelled");
            }
        }
        if (params.getOrDefault("TOPOUTPUT_SELECT", 0L) != 3 || params.getOrDefault("BOTOUTPUT_SELECT", 0L) != 3) {
            throw new HdlException("SB_MAC16 model needs TOPOUTPUT_SELECT=3 and BOTOUTPUT_SELECT=3");
        }
        boolean aSigned = params.getOrDefault("A_SIGNED", 0L) == 1;
        boolean bSigned = params.getOrDefault("B_SIGNED", 0L) == 1;
        return new ExternModel() {
            @Override
            public void evaluate(long[] inputs, long[] outputs) {
                long a = Bits.wrap(inputs[0], 16, aSigned);
                long b = Bits.wrap(inputs[1], 16, bSigned);
                outputs[0] = Bits.truncate(a * b, 32);
            }

            @Override
            public void clockEdge(long[] inputs) {
                // combinational mode: no state
            }
        };
    }
}
