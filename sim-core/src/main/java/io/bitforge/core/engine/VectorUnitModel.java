package io.bitforge.core.engine;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.tech.TechNode;

/**
 * Vector-unit timing and energy. Timing: one arithmetic operation per lane per cycle, an instance taking
 * {@code ceil(elements × opsPerElement / lanes)} cycles. Energy per operation from Horowitz, ISSCC 2014 (45 nm):
 * FP16 add 0.4 pJ, multiply 1.1 pJ; FP32 add 0.9 pJ, multiply 3.7 pJ; BitForge charges the mean of add and
 * multiply of the unit's word width (16 bits or less: FP16, else FP32), an estimate since op mixes vary.
 */
public final class VectorUnitModel {
    static final CostSource SOURCE = new CostSource("horowitz-isscc-2014-fp-ops",
            "Horowitz, ISSCC 2014: FP16 add 0.4 pJ, mult 1.1 pJ; FP32 add 0.9 pJ, mult 3.7 pJ (45nm); mean of add "
                    + "and multiply per vector op", "45nm", true);

    private VectorUnitModel() {
    }

    /** Cycles of one instance. */
    static long cycles(long elements, double opsPerElement, int lanes) {
        double ops = elements * opsPerElement;
        return (long) Math.ceil(ops / lanes);
    }

    /** Picojoules per operation at 45 nm for a unit of {@code wordBits}. */
    static double picojoulesPerOp(int wordBits) {
        return wordBits <= 16 ? (0.4 + 1.1) / 2 : (0.9 + 3.7) / 2;
    }

    static TechNode node() {
        return TechNode.N45;
    }
}
