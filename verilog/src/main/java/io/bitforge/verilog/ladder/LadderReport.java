package io.bitforge.verilog.ladder;

import java.util.List;

/**
 * The ladder of one PE family at one parameter setting on one array: each level's verdict, and the cycle counts
 * compared (engine: the cycle-approximate model's count for the random tile; RTL: start to {@code computed} and to
 * {@code done}).
 */
public record LadderReport(String family, String mode, int rows, int cols, long engineCycles,
                           long rtlComputedCycles, long rtlDoneCycles, List<LevelResult> levels) {
    public LadderReport {
        levels = List.copyOf(levels);
    }

    public boolean passed() {
        return levels.stream().allMatch(LevelResult::passed);
    }
}
