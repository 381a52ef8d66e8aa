package io.bitforge.core.engine;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.Provenance;
import io.bitforge.core.spec.VectorUnitSpec;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;

/**
 * Area of the vector unit: per lane one floating-point adder and one multiplier of the unit's word width
 * (16 bits or less: FP16, else FP32), from Horowitz, ISSCC 2014 (45 nm area table: FP16 add 1360 µm², FP16
 * multiply 1640 µm², FP32 add 4184 µm², FP32 multiply 7700 µm²), scaled to the spec's node. An estimate: lanes of
 * a real vector unit add registers, exponent and reciprocal units and a reduction tree.
 */
public final class VectorUnitArea {
    static final CostSource SOURCE = CostSource.of("vector-unit-area-horowitz", "estimate: per lane an FP adder + "
            + "multiplier, Horowitz ISSCC 2014 45nm: FP16 add 1360 um2, mult 1640 um2; FP32 add 4184 um2, mult "
            + "7700 um2; no special-function units or registers", "45nm", Provenance.ESTIMATE);

    private VectorUnitArea() {
    }

    /** Square micrometres of one lane at 45 nm. */
    static double laneSquareMicrometres45nm(int wordBits) {
        return wordBits <= 16 ? 1360 + 1640 : 4184 + 7700;
    }

    /** Area of the whole unit at {@code node}. */
    public static double squareMicrometres(VectorUnitSpec unit, TechNode node) {
        return unit.lanes() * laneSquareMicrometres45nm(unit.wordBits()) * TechScaling.areaFactor(TechNode.N45, node);
    }
}
