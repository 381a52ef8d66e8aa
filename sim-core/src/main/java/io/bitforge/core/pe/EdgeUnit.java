package io.bitforge.core.pe;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.tech.TechNode;

import java.util.Objects;

/**
 * A unit placed once per lane of the array edge that feeds {@code operand} into the array, such as OliVe's
 * outlier-victim pair decoders (Guo et al., ISCA 2023). Its area is per lane at {@code node}; the engine counts
 * the lanes of the edge that operand enters by under the spec's dataflow (SCALE-Sim's mapping: activations enter
 * along the rows for os and ws and along the columns for is, weights the other way; under
 * {@code mapping.cycleModel: layer-overlap} the rows hold output channels, so weights enter along the rows and
 * activations through the columns), scales to the spec's node and reports the total under {@code unit}.
 *
 * @param unit the area unit's name in cost reports (e.g. {@code ovp-decoders})
 */
public record EdgeUnit(String unit, Operand operand, TechNode node, double squareMicrometresPerLane,
                       CostSource source) {
    public EdgeUnit {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(source, "source");
        if (unit.isBlank() || unit.equals("pe-array")) {
            throw new IllegalArgumentException("edge unit needs its own area name, got '" + unit + "'");
        }
        if (operand == Operand.OUTPUTS) {
            throw new IllegalArgumentException("edge units feed activations or weights into the array");
        }
        if (!(squareMicrometresPerLane >= 0) || Double.isInfinite(squareMicrometresPerLane)) {
            throw new IllegalArgumentException("area per lane must be finite and >= 0, got "
                    + squareMicrometresPerLane);
        }
    }
}
