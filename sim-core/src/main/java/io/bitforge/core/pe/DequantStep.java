package io.bitforge.core.pe;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.tech.TechNode;

import java.util.Objects;

/**
 * One place a design applies quantisation metadata: what is applied ({@code applies}, e.g. "group scale × group
 * partial sum"), {@code where}, counted {@code per} what, at what energy per count at {@code node}, booked under
 * which {@link EnergyCategory}, and whether the family's own cost model already books it
 * ({@code inFamilyCost}: its cell or custom GEMM cost includes the energy, so the engine adds nothing) or the
 * engine charges it from this step.
 *
 * @param picojoules energy per count at {@code node}; 0 when the figure is inside another published figure (say
 *                   which in {@code applies})
 * @param unitSquareMicrometres area at {@code node} of one unit that applies one count per cycle, placed once per
 *                   lane of the array edge or per cell ({@link DequantSite}); 0 when the step runs on hardware
 *                   that already has area (the vector unit's lanes) or is inside the family's cost
 */
public record DequantStep(String applies, DequantSite where, DequantBasis per, double picojoules, TechNode node,
                          EnergyCategory category, boolean inFamilyCost, CostSource source,
                          double unitSquareMicrometres) {
    public DequantStep {
        Objects.requireNonNull(applies, "applies");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(per, "per");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
        if (!(picojoules >= 0) || Double.isInfinite(picojoules)) {
            throw new IllegalArgumentException("dequantisation energy must be finite and >= 0, got " + picojoules);
        }
        if (!(unitSquareMicrometres >= 0) || Double.isInfinite(unitSquareMicrometres)) {
            throw new IllegalArgumentException("dequantisation unit area must be finite and >= 0, got "
                    + unitSquareMicrometres);
        }
    }

    /** The same step whose units take {@code squareMicrometres} each at its node. */
    public DequantStep withUnitArea(double squareMicrometres) {
        return new DequantStep(applies, where, per, picojoules, node, category, inFamilyCost, source,
                squareMicrometres);
    }

    /** A step the engine charges under {@link EnergyCategory#DEQUANT}. */
    public static DequantStep charged(String applies, DequantSite where, DequantBasis per, double picojoules,
                                      TechNode node, CostSource source) {
        return new DequantStep(applies, where, per, picojoules, node, EnergyCategory.DEQUANT, false, source, 0);
    }

    /** A step the family's own cost model books (under {@code category}). */
    public static DequantStep inFamilyCost(String applies, DequantSite where, DequantBasis per, double picojoules,
                                           TechNode node, EnergyCategory category, CostSource source) {
        return new DequantStep(applies, where, per, picojoules, node, category, true, source, 0);
    }
}
