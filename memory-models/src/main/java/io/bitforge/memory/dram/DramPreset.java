package io.bitforge.memory.dram;

import io.bitforge.core.memory.MemoryPreset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An off-chip DRAM configuration described by its interface: {@code channels} independent channels of
 * {@code channelWidthBits} data pins, each pin running at {@code gigabitsPerSecondPerPin}. Peak bandwidth is
 * channels × width × data rate; every access moves whole bursts of {@code burstLength} beats on one channel.
 *
 * <p>Each figure carries its own source in {@link #figureSources()}; figures that are estimates rather than
 * published numbers are named in {@link #estimatedFigures()} and listed as such by {@code bitforge list
 * memories}.
 *
 * @param gigabitsPerSecondPerPin data rate per pin (Gb/s), equal to the transfer rate in GT/s
 * @param burstLength             beats per burst on one channel (JEDEC BL)
 * @param figureSources           figure name (as in {@link #facts()}) to the standard, datasheet or paper
 * @param estimatedFigures        names of figures that are estimates, not published numbers
 * @param rowBuffer               the bank and row-buffer timing of one channel ({@link RowBufferModel}), or null
 *                                when the preset has none
 */
public record DramPreset(String id, String description, int channels, int channelWidthBits,
                         double gigabitsPerSecondPerPin, long capacityBytes, double latencyNanoseconds,
                         int burstLength, double picojoulesPerBit, double sustainedEfficiency,
                         Map<String, String> figureSources, Set<String> estimatedFigures, RowBufferTiming rowBuffer)
        implements MemoryPreset {

    /** The figure names every preset must source, in listing order. */
    public static final List<String> FIGURES = List.of("channels", "channelWidthBits", "gigabitsPerSecondPerPin",
            "capacityBytes", "latencyNanoseconds", "burstLength", "picojoulesPerBit", "sustainedEfficiency");

    /** A preset without row-buffer timing. */
    public DramPreset(String id, String description, int channels, int channelWidthBits,
                      double gigabitsPerSecondPerPin, long capacityBytes, double latencyNanoseconds, int burstLength,
                      double picojoulesPerBit, double sustainedEfficiency, Map<String, String> figureSources,
                      Set<String> estimatedFigures) {
        this(id, description, channels, channelWidthBits, gigabitsPerSecondPerPin, capacityBytes, latencyNanoseconds,
                burstLength, picojoulesPerBit, sustainedEfficiency, figureSources, estimatedFigures, null);
    }

    public DramPreset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        if (channels < 1 || channelWidthBits < 1 || channelWidthBits % 8 != 0) {
            throw new IllegalArgumentException(id + ": channels >= 1 and a whole-byte channel width needed, got "
                    + channels + " x " + channelWidthBits + " bit");
        }
        if (!(gigabitsPerSecondPerPin > 0) || capacityBytes < 1 || !(latencyNanoseconds >= 0) || burstLength < 1
                || !(picojoulesPerBit > 0) || !(sustainedEfficiency > 0 && sustainedEfficiency <= 1)) {
            throw new IllegalArgumentException(id + ": a figure is out of range");
        }
        figureSources = Map.copyOf(figureSources);
        estimatedFigures = Set.copyOf(estimatedFigures);
        for (String figure : FIGURES) {
            if (!figureSources.containsKey(figure)) {
                throw new IllegalArgumentException(id + ": no source given for " + figure);
            }
        }
        if (!FIGURES.containsAll(estimatedFigures)) {
            throw new IllegalArgumentException(id + ": unknown estimated figure in " + estimatedFigures);
        }
    }

    /** The same preset with {@code timing} as its channels' bank and row-buffer timing. */
    public DramPreset withRowBuffer(RowBufferTiming timing) {
        return new DramPreset(id, description, channels, channelWidthBits, gigabitsPerSecondPerPin, capacityBytes,
                latencyNanoseconds, burstLength, picojoulesPerBit, sustainedEfficiency, figureSources,
                estimatedFigures, timing);
    }

    /** Total data pins: channels × channel width. */
    public int busWidthBits() {
        return channels * channelWidthBits;
    }

    @Override
    public double peakBytesPerSecond() {
        return busWidthBits() * gigabitsPerSecondPerPin * 1e9 / 8.0;
    }

    @Override
    public int burstBytes() {
        return channelWidthBits / 8 * burstLength;
    }

    /** Bytes actually moved for a transfer of {@code bytes}: rounded up to whole bursts. */
    public long transferBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        long burst = burstBytes();
        return Math.multiplyExact((bytes + burst - 1) / burst, burst);
    }

    /** Energy of moving {@code bytes} (rounded up to bursts), in picojoules. */
    public double transferPicojoules(long bytes) {
        return transferBytes(bytes) * 8.0 * picojoulesPerBit;
    }

    @Override
    public String source() {
        return String.join("; ", new TreeSet<>(figureSources.values()));
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("channels", channels);
        facts.put("channelWidthBits", channelWidthBits);
        facts.put("busWidthBits", busWidthBits());
        facts.put("gigabitsPerSecondPerPin", gigabitsPerSecondPerPin);
        facts.put("peakGigabytesPerSecond", peakBytesPerSecond() / 1e9);
        facts.put("sustainedEfficiency", sustainedEfficiency);
        facts.put("capacityGibibytes", capacityBytes / (double) (1L << 30));
        facts.put("latencyNanoseconds", latencyNanoseconds);
        facts.put("burstLength", burstLength);
        facts.put("burstBytes", burstBytes());
        facts.put("picojoulesPerBit", picojoulesPerBit);
        Map<String, String> sources = new LinkedHashMap<>();
        for (String figure : FIGURES) {
            sources.put(figure, figureSources.get(figure) + (estimatedFigures.contains(figure) ? " (estimate)" : ""));
        }
        facts.put("estimates", FIGURES.stream().filter(estimatedFigures::contains).toList());
        facts.put("figureSources", sources);
        if (rowBuffer != null) {
            facts.put("rowBuffer", rowBuffer.facts());
        }
        return facts;
    }
}
