package io.bitforge.core.tech;

import io.bitforge.core.io.BadInputException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A CMOS technology node BitForge can scale costs to, written as in specs ({@code 28nm}). The nodes are those of
 * Stillmaker &amp; Baas 2017 (180, 130, 90, 65, 45, 32, 20, 16, 14, 10, 7 nm) plus 28 and 22 nm, which the
 * paper does not tabulate and {@link TechScaling} interpolates (flagged as an estimate).
 *
 * @param nominalVdd supply voltage at which this node's energy polynomial is evaluated
 * @param tabulated  true when the paper gives the node; false for interpolated nodes
 */
public enum TechNode {
    N180(180, 1.8, true), N130(130, 1.3, true), N90(90, 1.2, true), N65(65, 1.1, true), N45(45, 1.0, true),
    N32(32, 0.9, true), N28(28, 0.9, false), N22(22, 0.9, false), N20(20, 0.9, true), N16(16, 0.85, true),
    N14(14, 0.8, true), N10(10, 0.75, true), N7(7, 0.7, true);

    private final int nanometres;
    private final double nominalVdd;
    private final boolean tabulated;

    TechNode(int nanometres, double nominalVdd, boolean tabulated) {
        this.nanometres = nanometres;
        this.nominalVdd = nominalVdd;
        this.tabulated = tabulated;
    }

    public int nanometres() {
        return nanometres;
    }

    /**
     * Nominal supply: PTM model cards for 180-32 nm (1.8, 1.3, 1.2, 1.1, 1.0, 0.9 V); for the ITRS nodes below
     * 32 nm the roadmap values used here (0.9, 0.85, 0.8, 0.75, 0.7 V) are estimates.
     */
    public double nominalVdd() {
        return nominalVdd;
    }

    public boolean tabulated() {
        return tabulated;
    }

    /** The spec spelling, e.g. {@code 28nm}. */
    public String id() {
        return nanometres + "nm";
    }

    /** Parses {@code 28nm} (or {@code 28}); unknown nodes are bad input listing the allowed ones. */
    public static TechNode parse(String text, String file, String field) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        String digits = trimmed.endsWith("nm") ? trimmed.substring(0, trimmed.length() - 2).strip() : trimmed;
        for (TechNode node : values()) {
            if (String.valueOf(node.nanometres).equals(digits)) {
                return node;
            }
        }
        throw BadInputException.field(file, field, "'" + text + "'", "must be one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(TechNode::id).collect(Collectors.joining(", "));
    }

    public static List<TechNode> all() {
        return List.of(values());
    }

    @Override
    public String toString() {
        return id();
    }
}
