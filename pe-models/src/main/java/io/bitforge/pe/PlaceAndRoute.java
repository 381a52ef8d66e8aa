package io.bitforge.pe;

import io.bitforge.core.spec.SpecNode;

/**
 * The {@code placeAndRouteFactor} parameter several families take: a multiplier on a cell's synthesis energy and
 * area for placement and routing. BitMoD's artefact charges its PEs 1.5x (yc2367/BitMoD-HPCA-25
 * {@code bitmod_sim/pe_array.py}, {@code PR_SCALING}); absent, the synthesis figures stand (1).
 */
public final class PlaceAndRoute {
    private PlaceAndRoute() {
    }

    /** The factor in {@code params}, 1 when absent; outside [1, 4] is bad input naming the field. */
    public static double factor(SpecNode params) {
        return params.optionalField("placeAndRouteFactor").map(n -> {
            double factor = n.positive();
            if (factor < 1 || factor > 4) {
                throw n.error("must be in [1, 4] (BitMoD's artefact uses 1.5)", n.shown());
            }
            return factor;
        }).orElse(1.0);
    }
}
