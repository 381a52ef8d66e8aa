package io.bitforge.core.tech;

import io.bitforge.core.cost.CostSource;

/**
 * Scales area and energy between technology nodes with Stillmaker &amp; Baas, "Scaling equations for the accurate
 * prediction of CMOS device performance from 180 nm to 7 nm", Integration, the VLSI Journal 58 (2017) 74-81.
 *
 * <ul>
 *   <li>Area: the paper's node-to-node area scaling matrix (Table 4), {@code area(to) = area(from) *
 *       AREA[from][to]}.</li>
 *   <li>Energy: the paper's per-node energy polynomials {@code e(V) = a V^2 + b V + c} (Table 5; PTM fits for
 *       180-65 nm, the high-performance PTM/ITRS fits for 45-7 nm), each evaluated at the node's
 *       {@link TechNode#nominalVdd()}: {@code energy(to) = energy(from) * e_to(V_to) / e_from(V_from)}.</li>
 *   <li>Delay: not used (BitForge takes the clock from the spec).</li>
 * </ul>
 * 28 and 22 nm are not in the paper; their factors are interpolated geometrically between the 32 nm and 20 nm
 * entries (position linear in nanometres: 28 nm is 1/3 of the way, 22 nm 5/6) and flagged as an estimate.
 */
public final class TechScaling {
    /** The paper's tabulated nodes, in table order. */
    private static final int[] NODES = {180, 130, 90, 65, 45, 32, 20, 16, 14, 10, 7};

    /** Stillmaker & Baas 2017, Table 4: multiply an area at the row node by this to get it at the column node. */
    private static final double[][] AREA = {
            {1, 0.34, 0.15, 0.08, 0.053, 0.025, 0.011, 0.01, 0.0093, 0.0055, 0.0032},
            {2.9, 1, 0.44, 0.23, 0.16, 0.072, 0.033, 0.03, 0.027, 0.016, 0.0092},
            {6.6, 2.3, 1, 0.53, 0.35, 0.16, 0.075, 0.067, 0.061, 0.036, 0.021},
            {12, 4.3, 1.9, 1, 0.66, 0.31, 0.14, 0.13, 0.12, 0.068, 0.039},
            {19, 6.4, 2.8, 1.5, 1, 0.46, 0.21, 0.19, 0.17, 0.1, 0.059},
            {40, 14, 6.1, 3.3, 2.2, 1, 0.46, 0.41, 0.38, 0.22, 0.13},
            {88, 30, 13, 7.1, 4.7, 2.2, 1, 0.89, 0.82, 0.48, 0.28},
            {99, 34, 15, 7.9, 5.3, 2.4, 1.1, 1, 0.91, 0.54, 0.31},
            {110, 37, 16, 8.7, 5.8, 2.7, 1.2, 1.1, 1, 0.59, 0.34},
            {180, 63, 28, 15, 9.8, 4.5, 2.1, 1.9, 1.7, 1, 0.58},
            {320, 110, 48, 25, 17, 7.8, 3.6, 3.2, 2.9, 1.7, 1},
    };

    /**
     * Stillmaker & Baas 2017, Table 5, energy polynomial coefficients {a, b, c} per node (180, 130, 90, 65 nm:
     * PTM; 45, 32 nm: PTM HP; 20-7 nm: ITRS HP).
     */
    private static final double[][] ENERGY = {
            {0, 24.64, -17.98},  // 180 nm is linear in V in the paper's fit
            {7.171, -6.709, 2.904},
            {4.762, -4.781, 2.092},
            {3.755, -4.398, 1.975},
            {1.018, -0.3107, 0.1539},
            {0.8367, -0.4341, 0.1701},
            {0.373, -0.1582, 0.04104},
            {0.2958, -0.1241, 0.03024},
            {0.2363, -0.09675, 0.02239},
            {0.2068, -0.09311, 0.02375},
            {0.1776, -0.09097, 0.02447},
    };

    public static final CostSource SOURCE = new CostSource("stillmaker-baas-2017",
            "Stillmaker & Baas, Integration 58 (2017) 74-81, Tables 4 and 5 (area matrix, energy polynomials)",
            "180nm-7nm", false);
    public static final CostSource INTERPOLATED_SOURCE = new CostSource("stillmaker-baas-2017-interpolated",
            "Stillmaker & Baas 2017 Tables 4 and 5, interpolated between 32 nm and 20 nm for 28/22 nm", "28nm/22nm",
            true);

    private TechScaling() {
    }

    /** Factor to multiply an area at {@code from} by to get it at {@code to}. */
    public static double areaFactor(TechNode from, TechNode to) {
        if (from == to) {
            return 1.0;
        }
        if (from.tabulated() && to.tabulated()) {
            return AREA[tableIndex(from.nanometres())][tableIndex(to.nanometres())];
        }
        if (from.tabulated()) {
            // geometric interpolation of the row between the two tabulated neighbours of `to`
            Neighbours n = neighbours(to);
            return Math.pow(AREA[tableIndex(from.nanometres())][n.larger], 1 - n.fraction)
                    * Math.pow(AREA[tableIndex(from.nanometres())][n.smaller], n.fraction);
        }
        if (to.tabulated()) {
            return 1.0 / areaFactor(to, from);
        }
        return areaFactor(from, TechNode.N45) * areaFactor(TechNode.N45, to);
    }

    /** Factor to multiply an energy at {@code from} (its nominal Vdd) by to get it at {@code to}. */
    public static double energyFactor(TechNode from, TechNode to) {
        return energyPolynomial(to, to.nominalVdd()) / energyPolynomial(from, from.nominalVdd());
    }

    /**
     * The paper's energy polynomial of a node at supply {@code vdd} (relative units; only ratios matter);
     * geometric interpolation between the tabulated neighbours for 28 and 22 nm.
     */
    public static double energyPolynomial(TechNode node, double vdd) {
        if (node.tabulated()) {
            return polynomial(ENERGY[tableIndex(node.nanometres())], vdd);
        }
        Neighbours n = neighbours(node);
        return Math.pow(polynomial(ENERGY[n.larger], vdd), 1 - n.fraction)
                * Math.pow(polynomial(ENERGY[n.smaller], vdd), n.fraction);
    }

    /** The source to cite for a scaling between two nodes (none when they are equal). */
    public static java.util.Optional<CostSource> sourceFor(TechNode from, TechNode to) {
        if (from == to) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(from.tabulated() && to.tabulated() ? SOURCE : INTERPOLATED_SOURCE);
    }

    private static double polynomial(double[] abc, double vdd) {
        return abc[0] * vdd * vdd + abc[1] * vdd + abc[2];
    }

    private static int tableIndex(int nanometres) {
        for (int i = 0; i < NODES.length; i++) {
            if (NODES[i] == nanometres) {
                return i;
            }
        }
        throw new IllegalArgumentException(nanometres + " nm is not in the table");
    }

    /** The tabulated nodes around an untabulated one and its position between them, linear in nanometres. */
    private record Neighbours(int larger, int smaller, double fraction) {
    }

    private static Neighbours neighbours(TechNode node) {
        int nm = node.nanometres();
        for (int i = 0; i + 1 < NODES.length; i++) {
            if (NODES[i] > nm && nm > NODES[i + 1]) {
                return new Neighbours(i, i + 1, (double) (NODES[i] - nm) / (NODES[i] - NODES[i + 1]));
            }
        }
        throw new IllegalArgumentException("node outside the table: " + node);
    }
}
