package io.bitforge.cli;

import java.util.List;

/** The registry contributors each module ships; the shaded jar must carry all of them. */
final class ExpectedProviders {
    static final List<String> ALL = List.of(
            "io.bitforge.memory.MemoryModelsContributor",
            "io.bitforge.pe.PeContributor",
            "io.bitforge.core.format.FormatCatalog",
            "io.bitforge.workloads.llm.LlmWorkloadsContributor",
            "io.bitforge.roofline.RooflineContributor",
            "io.bitforge.workloads.diffusion.DiffusionContributor");

    private ExpectedProviders() {
    }
}
