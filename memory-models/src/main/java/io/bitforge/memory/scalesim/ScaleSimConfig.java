package io.bitforge.memory.scalesim;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a SCALE-Sim v2 {@code .cfg} file that its simulation uses (scalesim/scale_config.py):
 * array shape, the three operand SRAM sizes in KiB (SCALE-Sim's "kB" is 1024 bytes, one byte per word),
 * the operand address offsets, the dataflow, and the DRAM interface mode. In {@code CALC} mode SCALE-Sim
 * reports the bandwidth needed to be stall-free; in {@code USER} mode it simulates the words-per-cycle
 * bandwidth given per memory bank.
 *
 * @param bandwidthWordsPerCycle the {@code Bandwidth} list (one entry per memory bank); empty in CALC mode
 * @param topologyPath           {@code [network_presets] TopologyCsvLoc}, if given
 */
public record ScaleSimConfig(String runName, int arrayRows, int arrayCols, int ifmapSramKib, int filterSramKib,
                             int ofmapSramKib, long ifmapOffset, long filterOffset, long ofmapOffset,
                             ScaleSimDataflow dataflow, boolean userBandwidth, List<Integer> bandwidthWordsPerCycle,
                             int memoryBanks, Optional<String> topologyPath) {

    public ScaleSimConfig {
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(dataflow, "dataflow");
        bandwidthWordsPerCycle = List.copyOf(bandwidthWordsPerCycle);
        Objects.requireNonNull(topologyPath, "topologyPath");
    }

    /** A CALC-mode (stall-free) configuration with SCALE-Sim's default offsets and one memory bank. */
    public static ScaleSimConfig calc(String runName, int arrayRows, int arrayCols, int sramKib,
                                      ScaleSimDataflow dataflow) {
        return new ScaleSimConfig(runName, arrayRows, arrayCols, sramKib, sramKib, sramKib, 0, 10_000_000,
                20_000_000, dataflow, false, List.of(), 1, Optional.empty());
    }
}
