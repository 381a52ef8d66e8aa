package io.bitforge.cli.simulate;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.workloads.llm.LlmWorkload;
import io.bitforge.workloads.llm.ModelConfig;
import io.bitforge.workloads.llm.WorkloadLookup;
import io.bitforge.workloads.llm.speculative.Speculation;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The scheme as the library models it. */
    public Speculation speculation(Registry registry) {
        if (acceptance.isEmpty()) {
            throw BadInputException.field(null, "--acceptance", "nothing",
                    "is required with --speculative (a rate in [0, 1], or one per Medusa head)");
        }
        for (double rate : acceptance) {
            if (!(rate >= 0 && rate <= 1)) {
                throw BadInputException.field(null, "--acceptance", rate, "must be in [0, 1]");
            }
        }
        return switch (scheme) {
            case "medusa" -> {
                positive("--medusa-heads", medusaHeads);
                positive("--tree-tokens", treeTokens);
                if (acceptance.size() != 1 && acceptance.size() != medusaHeads) {
                    throw BadInputException.field(null, "--acceptance", acceptance.size() + " rates",
                            "must be one rate or one per head (" + medusaHeads + ")");
                }
                yield new Speculation.Medusa(medusaHeads, treeTokens, acceptance);
            }
            case "draft" -> {
                positive("--draft-tokens", draftTokens);
                if (acceptance.size() != 1) {
                    throw BadInputException.field(null, "--acceptance", acceptance.size() + " rates",
                            "must be one rate for a draft model");
                }
                yield new Speculation.DraftModel(draft(registry), draftTokens, acceptance.get(0));
            }
            default -> throw BadInputException.field(null, "--speculative", "'" + scheme + "'",
                    "must be medusa or draft");
        };
    }

    private ModelConfig draft(Registry registry) {
        if (draftModel == null) {
            throw BadInputException.field(null, "--draft-model", "nothing", "is required with --speculative draft");
        }
        Path file = Path.of(draftModel);
        WorkloadFactory factory = Files.isRegularFile(file) ? WorkloadLookup.resolve(registry, null, file)
                : WorkloadLookup.resolve(registry, draftModel, null);
        if (!(factory instanceof LlmWorkload llm)) {
            throw BadInputException.field(null, "--draft-model", draftModel, "must be an LLM");
        }
        return llm.model();
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw BadInputException.field(null, option, value, "must be >= 1");
        }
    }
}
