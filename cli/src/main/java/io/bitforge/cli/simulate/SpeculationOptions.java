package io.bitforge.cli.simulate;

import io.bitforge.api.SpeculationRequest;
import io.bitforge.core.io.BadInputException;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The {@code simulate} options of speculative decoding (a picocli mixin). */
public final class SpeculationOptions {
    @Option(names = "--speculative", paramLabel = "medusa|draft",
            description = "Also cost a speculative decode step: Medusa heads + tree verification, or a draft model.")
    String scheme;

    @Option(names = "--medusa-heads", paramLabel = "H", defaultValue = "4",
            description = "Medusa: decoding heads (default: ${DEFAULT-VALUE}).")
    int medusaHeads;

    @Option(names = "--tree-tokens", paramLabel = "T", defaultValue = "64",
            description = "Medusa: candidate-tree tokens verified per step (default: ${DEFAULT-VALUE}, the 63 "
                    + "candidates + root of Medusa's mc_sim_7b_63 tree).")
    int treeTokens;

    @Option(names = "--acceptance", paramLabel = "A[,A...]", split = ",",
            description = "Acceptance rate in [0, 1]: one for all, or one per Medusa head.")
    List<Double> acceptance = new ArrayList<>();

    @Option(names = "--draft-model", paramLabel = "NAME|FILE",
            description = "Draft: the draft model, a zoo id or a config.json.")
    String draftModel;

    @Option(names = "--draft-tokens", paramLabel = "K", defaultValue = "4",
            description = "Draft: tokens drafted per step (default: ${DEFAULT-VALUE}).")
    int draftTokens;

    public boolean enabled() {
        return scheme != null;
    }

    /** Refuses a speculation option given without {@code --speculative}: it would be ignored silently. */
    public void refuseUnused() {
        if (scheme == null && (!acceptance.isEmpty() || draftModel != null)) {
            throw new BadInputException((acceptance.isEmpty() ? "--draft-model" : "--acceptance")
                    + ": only with --speculative medusa|draft (it would be ignored)");
        }
    }

    /** The options as the library's request (it checks them). */
    public SpeculationRequest request() {
        return new SpeculationRequest(scheme, medusaHeads, treeTokens, acceptance, draftModel, draftTokens);
    }
}
