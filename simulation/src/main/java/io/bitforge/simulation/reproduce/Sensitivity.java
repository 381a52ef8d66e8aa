package io.bitforge.simulation.reproduce;

import java.util.List;
import java.util.Optional;

/**
 * What a reproduction's artefact-specific choices are worth: the headline ratios with each choice of the file's
 * {@code sensitivity} list switched alone to BitForge's own modelling, and with all of them switched at once
 * ("BitForge's accounting"). A switch BitForge cannot run (e.g. a PE that cannot take the operands it would be
 * given) is reported as refused, with the reason.
 *
 * @param choices one variant per choice, in the file's order (empty when only the combined run was asked for)
 * @param bitforge every combined choice switched at once
 */
public record Sensitivity(List<Variant> choices, Variant bitforge) {
    /** How much of the sensitivity analysis a run computes. */
    public enum Scope {
        /** None: the artefact's accounting only. */
        NONE,
        /** Only the combined switch, for a side-by-side table (the demo). */
        COMBINED,
        /** Each choice alone and the combined switch. */
        EACH
    }

    /**
     * The reproduction under one switch: its headline ratios in the file's order, or why it cannot run.
     *
     * @param choice the choice switched; empty for the combined switch
     * @param switched the names of the choices switched
     */
    public record Variant(Optional<SensitivityChoice> choice, List<String> switched,
                          List<Reproductions.Headline> headlines, Optional<String> refused) {
        /** The value of the ratio named {@code name} under this switch, if it ran. */
        public Optional<Double> value(String name) {
            return headlines.stream().filter(h -> h.name().equals(name)).findFirst().map(Reproductions.Headline::value);
        }
    }
}
