package io.bitforge.reports.chart;

import io.bitforge.explore.Objective;

import java.util.List;

/** The chart axis of each explorer objective: the unit of the metric it reads ({@link Objective#metric()}). */
public final class ExplorerAxes {
    private ExplorerAxes() {
    }

    public static ObjectiveAxis of(Objective objective) {
        return switch (objective) {
            case LATENCY -> new ObjectiveAxis(objective.id(), "s", true, objective.maximise());
            case ENERGY, ENERGY_PER_TOKEN -> new ObjectiveAxis(objective.id(), "J", true, objective.maximise());
            case AREA -> new ObjectiveAxis(objective.id(), "mm²", false, objective.maximise());
            case EDP -> new ObjectiveAxis(objective.id(), "J·s", true, objective.maximise());
            case TOKENS_PER_SECOND_PER_MM2 -> new ObjectiveAxis(objective.id(), "tokens/s/mm²", false,
                    objective.maximise());
        };
    }

    public static List<ObjectiveAxis> of(List<Objective> objectives) {
        return objectives.stream().map(ExplorerAxes::of).toList();
    }
}
