package io.bitforge.verilog.gen;

import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;

/**
 * An output-stationary systolic array of signed MAC processing elements. Row {@code i} takes A[i][k] on
 * {@code a_i}, column {@code j} takes B[k][j] on {@code b_j}, one k per enabled cycle; operands are skewed
 * inside (row i and column j are delayed i and j cycles) and move one PE right (A) or down (B) per cycle, so
 * A[i][k] and B[k][j] meet in PE(i,j) in cycle k+i+j. After K + rows + cols − 2 enabled cycles,
 * {@code c_i_j} = Σ_k A[i][k]·B[k][j], wrapped to {@code accBits}. {@code clr} zeroes accumulators and skew
 * registers.
 */
public final class SystolicArray {
    /** Array parameters: shape and operand and accumulator widths. */
    public record Params(int rows, int cols, int dataBits, int accBits) {
        /**
         * The widest accumulator: a product of two 32-bit operands (64 bits) summed over the deepest tile
         * (K = 4096, 12 more bits) needs 76; 128 leaves room for deeper sums and stays two 64-bit words in the
         * simulator's wide path.
         */
        public static final int MAX_ACC_BITS = 128;

        public Params {
            if (rows < 1 || cols < 1 || dataBits < 2 || accBits < 2 * dataBits || accBits > MAX_ACC_BITS) {
                throw new IllegalArgumentException("bad systolic array parameters " + rows + "x" + cols + " data "
                        + dataBits + " acc " + accBits);
            }
        }

        public String moduleName() {
            return "systolic_os_r" + rows + "_c" + cols + "_d" + dataBits + "_a" + accBits;
        }

        /** Enabled cycles until the K-deep product is complete. */
        public int cyclesFor(int k) {
            return k + rows + cols - 2;
        }
    }

    private SystolicArray() {
    }

    /** One PE: {@code acc += a_in * b_in} when enabled; forwards a and b through registers. */
    public static ModuleDef pe(int dataBits, int accBits) {
        ModuleBuilder m = ModuleBuilder.named("mac_pe_d" + dataBits + "_a" + accBits)
                .doc("output-stationary MAC PE: signed " + dataBits + "x" + dataBits + " into " + accBits + " bits");
        Shape data = Shape.s(dataBits);
        Port aIn = m.in("a_in", data);
        Port bIn = m.in("b_in", data);
        Port en = m.in("en", Shape.bool());
        Port clr = m.in("clr", Shape.bool());
        Port aOut = m.out("a_out", data);
        Port bOut = m.out("b_out", data);
        Port accOut = m.out("acc", Shape.s(accBits));
        Reg aReg = m.reg("a_q", data, 0);
        Reg bReg = m.reg("b_q", data, 0);
        Reg acc = m.reg("acc_q", Shape.s(accBits), 0);
        Expr product = aIn.times(bIn);
        m.when(clr, s -> {
            s.next(acc, Const.of(Shape.s(accBits), 0));
            s.next(aReg, Const.of(data, 0));
            s.next(bReg, Const.of(data, 0));
        }).elseWhen(en, s -> {
            s.next(acc, acc.plusWrapped(product));
            s.next(aReg, aIn);
            s.next(bReg, bIn);
        });
        m.drive(aOut, aReg);
        m.drive(bOut, bReg);
        m.drive(accOut, acc);
        return m.build();
    }

    public static ModuleDef build(Params p) {
        ModuleDef pe = pe(p.dataBits(), p.accBits());
        Shape data = Shape.s(p.dataBits());
        ModuleBuilder m = ModuleBuilder.named(p.moduleName())
                .doc("output-stationary " + p.rows() + "x" + p.cols() + " systolic array; C valid after K+"
                        + (p.rows() + p.cols() - 2) + " enabled cycles")
                .param("ROWS", p.rows()).param("COLS", p.cols());
        Port en = m.in("en", Shape.bool());
        Port clr = m.in("clr", Shape.bool());
        Expr[] aLeft = new Expr[p.rows()];
        Expr[] bTop = new Expr[p.cols()];
        for (int i = 0; i < p.rows(); i++) {
            aLeft[i] = skew(m, m.in("a_" + i, data), i, "a" + i, en, clr);
        }
        for (int j = 0; j < p.cols(); j++) {
            bTop[j] = skew(m, m.in("b_" + j, data), j, "b" + j, en, clr);
        }
        Instance[][] grid = new Instance[p.rows()][p.cols()];
        for (int i = 0; i < p.rows(); i++) {
            for (int j = 0; j < p.cols(); j++) {
                Instance pei = m.instance("pe_" + i + "_" + j, pe);
                pei.connect("a_in", j == 0 ? aLeft[i] : grid[i][j - 1].out("a_out"));
                pei.connect("b_in", i == 0 ? bTop[j] : grid[i - 1][j].out("b_out"));
                pei.connect("en", en).connect("clr", clr);
                grid[i][j] = pei;
            }
        }
        for (int i = 0; i < p.rows(); i++) {
            for (int j = 0; j < p.cols(); j++) {
                m.drive(m.out("c_" + i + "_" + j, Shape.s(p.accBits())), grid[i][j].out("acc"));
            }
        }
        return m.build();
    }

    /** Delays {@code input} by {@code stages} enabled cycles through a register chain. */
    private static Expr skew(ModuleBuilder m, Expr input, int stages, String prefix, Expr en, Expr clr) {
        Expr value = input;
        for (int s = 0; s < stages; s++) {
            Reg r = m.reg("skew_" + prefix + "_" + s, input.shape(), 0);
            Expr d = value;
            m.when(clr, sc -> sc.next(r, Const.of(input.shape(), 0))).elseWhen(en, sc -> sc.next(r, d));
            value = r;
        }
        return value;
    }
}
