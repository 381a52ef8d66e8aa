package io.bitforge.memory.scalesim;

/** The three operand SRAMs' sizes in words (bytes): the configuration's KiB × 1024, or any size for tests. */
record SramWords(long ifmap, long filter, long ofmap) {
    static SramWords of(ScaleSimConfig config) {
        return new SramWords(config.ifmapSramKib() * 1024L, config.filterSramKib() * 1024L,
                config.ofmapSramKib() * 1024L);
    }
}
