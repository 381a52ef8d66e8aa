package io.bitforge.reports.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One evaluated design as the Pareto chart draws it: its id (DESIGN.md: SHA-256 prefix of the canonical spec), a
 * short label, latency, energy and area, and whether the search found it dominated (over whatever objectives it
 * used; {@link #markDominated} computes the flag over latency, energy and area for callers that have none).
 */
public record ParetoPoint(String designId, String label, double latencySeconds, double energyJoules,
                          double areaSquareMillimetres, boolean dominated) {
    public ParetoPoint {
        Objects.requireNonNull(designId, "designId");
        Objects.requireNonNull(label, "label");
        if (!(latencySeconds > 0) || !(energyJoules > 0) || !(areaSquareMillimetres > 0)
                || Double.isInfinite(latencySeconds) || Double.isInfinite(energyJoules)
                || Double.isInfinite(areaSquareMillimetres)) {
            throw new IllegalArgumentException("design " + designId + ": latency, energy and area must be finite and "
                    + "> 0, got " + latencySeconds + " s, " + energyJoules + " J, " + areaSquareMillimetres + " mm²");
        }
    }

    /** True when this is no worse than {@code other} in latency and energy and better in one. */
    public boolean dominatesInLatencyEnergy(ParetoPoint other) {
        return latencySeconds <= other.latencySeconds && energyJoules <= other.energyJoules
                && (latencySeconds < other.latencySeconds || energyJoules < other.energyJoules);
    }

    private boolean dominatesInAll(ParetoPoint other) {
        boolean noWorse = latencySeconds <= other.latencySeconds && energyJoules <= other.energyJoules
                && areaSquareMillimetres <= other.areaSquareMillimetres;
        boolean better = latencySeconds < other.latencySeconds || energyJoules < other.energyJoules
                || areaSquareMillimetres < other.areaSquareMillimetres;
        return noWorse && better;
    }

    /** The same points with {@code dominated} set over (latency, energy, area), all minimised. */
    public static List<ParetoPoint> markDominated(List<ParetoPoint> points) {
        List<ParetoPoint> out = new ArrayList<>(points.size());
        for (ParetoPoint p : points) {
            boolean dominated = points.stream().anyMatch(q -> q.dominatesInAll(p));
            out.add(new ParetoPoint(p.designId, p.label, p.latencySeconds, p.energyJoules, p.areaSquareMillimetres,
                    dominated));
        }
        return List.copyOf(out);
    }
}
