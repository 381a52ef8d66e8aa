package io.bitforge.memory.sram;

import java.util.List;

/**
 * CACTI 7 results for single-bank SRAMs with one read and one write port at 28 nm: the entries with port
 * configuration 1 read / 1 write / 0 read-write of the cached memory pool that ZigZag ships
 * (KULeuven-MICAS/zigzag, {@code zigzag/classes/cacti/cacti_master/example_mem_pool.yaml}), produced by the same
 * CACTI wrapper lineage that BitMoD's simulator uses for its 28 nm memories (yc2367/BitMoD-HPCA-25,
 * {@code bitmod_sim/mem/}, which runs CACTI at {@code technology: 0.028} instead of shipping a table).
 * The pool's entries do not record their node; 28 nm is ZigZag's CACTI query default.
 */
public final class CactiSramTable {
    /** Node of every point, in nanometres. */
    public static final int NODE_NANOMETRES = 28;

    public static final String SOURCE = "CACTI 7, 28 nm, 1R+1W single-bank SRAM: KULeuven-MICAS/zigzag "
            + "zigzag/classes/cacti/cacti_master/example_mem_pool.yaml";

    /** Capacity, I/O width, area (mm²), read and write energy per access (nJ), copied from the pool. */
    public static final List<CactiSramPoint> POINTS = List.of(
            new CactiSramPoint(128, 8, 0.01021668, 0.00103068, 0.00139641),
            new CactiSramPoint(4096, 128, 0.275162, 0.0163381, 0.0453883),
            new CactiSramPoint(16384, 128, 0.934416, 0.0395909, 0.0888973),
            new CactiSramPoint(32768, 128, 1.787254, 0.0752088, 0.106199),
            new CactiSramPoint(262144, 256, 15.41588, 0.413334, 0.538669),
            new CactiSramPoint(524288, 256, 28.6058, 0.678903, 0.658571),
            new CactiSramPoint(1048576, 256, 59.1178, 0.960931, 0.940599),
            new CactiSramPoint(2621440, 256, 142.6092, 1.61401, 1.58915),
            new CactiSramPoint(4194304, 256, 235.704, 2.02724, 2.00691));

    private CactiSramTable() {
    }
}
