package io.bitforge.memory.dram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bank and row-buffer timing of one DRAM channel (a pseudo-channel for HBM), the figures {@link RowBufferModel}
 * needs: row activate to read (tRCD), precharge (tRP), read latency (CL), activate to precharge (tRAS),
 * activate to activate in different banks (tRRD) and the four-activate window (tFAW), the banks and the row-buffer
 * (page) size of a channel, and refresh (tRFC every tREFI). Each figure carries its source; estimates are named.
 */
public record RowBufferTiming(double rcdNanoseconds, double rpNanoseconds, double clNanoseconds,
                              double rasNanoseconds, double rrdNanoseconds, double fawNanoseconds, int banks,
                              int rowBufferBytes, double rfcNanoseconds, double refiNanoseconds,
                              Map<String, String> figureSources, Set<String> estimatedFigures) {

    /** The figure names every timing must source, in listing order. */
    public static final List<String> FIGURES = List.of("tRCD", "tRP", "CL", "tRAS", "tRRD", "tFAW", "banks",
            "rowBufferBytes", "tRFC", "tREFI");

    public RowBufferTiming {
        if (!(rcdNanoseconds > 0 && rpNanoseconds > 0 && clNanoseconds > 0 && rasNanoseconds > 0
                && rrdNanoseconds > 0 && fawNanoseconds > 0 && rfcNanoseconds > 0 && refiNanoseconds > rfcNanoseconds)
                || banks < 1 || rowBufferBytes < 1) {
            throw new IllegalArgumentException("row-buffer timing: every figure must be > 0 and tREFI > tRFC");
        }
        figureSources = Map.copyOf(figureSources);
        estimatedFigures = Set.copyOf(estimatedFigures);
        for (String figure : FIGURES) {
            if (!figureSources.containsKey(figure)) {
                throw new IllegalArgumentException("row-buffer timing: no source given for " + figure);
            }
        }
        if (!FIGURES.containsAll(estimatedFigures)) {
            throw new IllegalArgumentException("row-buffer timing: unknown estimated figure in " + estimatedFigures);
        }
    }

    /** Row cycle: the least time between two activates of one bank, tRAS + tRP. */
    public double rcNanoseconds() {
        return rasNanoseconds + rpNanoseconds;
    }

    /**
     * The least average time between activates on one channel when they rotate over every bank: the largest of
     * tRRD, a quarter of tFAW and tRC over the banks.
     */
    public double activateIntervalNanoseconds() {
        return Math.max(rrdNanoseconds, Math.max(fawNanoseconds / 4, rcNanoseconds() / banks));
    }

    /** Fraction of time a channel is not refreshing: 1 − tRFC / tREFI. */
    public double refreshAvailability() {
        return 1 - rfcNanoseconds / refiNanoseconds;
    }

    /** The figures and their sources, as {@code bitforge list memories} shows them. */
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("tRCDNanoseconds", rcdNanoseconds);
        facts.put("tRPNanoseconds", rpNanoseconds);
        facts.put("clNanoseconds", clNanoseconds);
        facts.put("tRASNanoseconds", rasNanoseconds);
        facts.put("tRRDNanoseconds", rrdNanoseconds);
        facts.put("tFAWNanoseconds", fawNanoseconds);
        facts.put("banksPerChannel", banks);
        facts.put("rowBufferBytesPerChannel", rowBufferBytes);
        facts.put("tRFCNanoseconds", rfcNanoseconds);
        facts.put("tREFINanoseconds", refiNanoseconds);
        facts.put("estimates", FIGURES.stream().filter(estimatedFigures::contains).toList());
        Map<String, String> sources = new LinkedHashMap<>();
        for (String figure : FIGURES) {
            sources.put(figure, figureSources.get(figure) + (estimatedFigures.contains(figure) ? " (estimate)" : ""));
        }
        facts.put("figureSources", sources);
        return facts;
    }
}
