package io.bitforge.workloads.llm;

import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.io.Suggestions;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.workloads.diffusion.DiffusersConfigLoader;
import io.bitforge.workloads.diffusion.DiffusionWorkload;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the command line's {@code --workload NAME | --model-config FILE}: a registered workload by id, or an
 * LLM read from a Hugging Face {@code config.json}, or a diffusion denoiser read from a diffusers
 * {@code unet/config.json} or {@code transformer/config.json}. Exactly one of the two must be given.
 */
public final class WorkloadLookup {
    private WorkloadLookup() {
    }

    public static WorkloadFactory resolve(Registry registry, String name, Path modelConfig) {
        if ((name == null) == (modelConfig == null)) {
            throw new BadRequestException("workload", "give exactly one of a workload id and a model config file; "
                    + "workloads: "
                    + String.join(", ", registry.ids(CatalogKind.WORKLOADS)));
        }
        if (modelConfig != null) {
            if (DiffusersConfigLoader.isDiffusersConfig(modelConfig)) {
                return DiffusionWorkload.fromConfig(modelConfig);
            }
            return new LlmWorkload(HfConfigLoader.load(modelConfig));
        }
        return registry.workload(name).orElseThrow(() -> BadRequestException.of("workload", "'" + name
                + "'" + Suggestions.didYouMean(name, registry.ids(CatalogKind.WORKLOADS)), "must be one of " + String.join(", ", registry.ids(CatalogKind.WORKLOADS))
                + " (or a model config file)"));
    }

    /** Builder options with the long-context permission ({@code --allow-long-context}) added when given. */
    public static Map<String, String> withLongContext(Map<String, String> options, boolean allowLongContext) {
        Map<String, String> merged = new LinkedHashMap<>(options);
        if (allowLongContext) {
            merged.put(LlmOptions.ALLOW_LONG_CONTEXT, "true");
        }
        return merged;
    }

    /** Warnings a run of {@code factory} with {@code settings} deserves (a context past the model's limit). */
    public static List<String> warnings(WorkloadFactory factory, WorkloadSettings settings) {
        if (factory instanceof LlmWorkload llm) {
            return llm.longContextWarning(settings).stream().toList();
        }
        return List.of();
    }
}
