package io.bitforge.memory.sram;

/**
 * One CACTI result for a single-bank SRAM with one exclusive read and one exclusive write port.
 *
 * @param ioWidthBits          word (output/input bus) width
 * @param areaSquareMillimetres area of the macro
 * @param readNanojoules       dynamic energy of one read access
 * @param writeNanojoules      dynamic energy of one write access
 */
public record CactiSramPoint(long capacityBytes, int ioWidthBits, double areaSquareMillimetres,
                             double readNanojoules, double writeNanojoules) {
}
