package io.bitforge.workloads.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in diffusion models. Each ships as a small JSON resource: {@code id}, {@code description},
 * {@code source} (the repository file its numbers come from) and {@code config}, a copy of the diffusers
 * config fields, read by the same {@link DiffusersConfigLoader} a user's file goes through.
 */
public final class DiffusionZoo {
    /** The resource names, one per model id. */
    public static final List<String> IDS = List.of("sd-1.5", "sdxl", "dit-xl-2", "pixart-alpha");

    private DiffusionZoo() {
    }

    public static List<DiffusionWorkload> all() {
        List<DiffusionWorkload> models = new ArrayList<>();
        for (String id : IDS) {
            models.add(load(id));
        }
        return List.copyOf(models);
    }

    public static DiffusionWorkload load(String id) {
        String resource = id + ".json";
        try (InputStream in = DiffusionZoo.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in diffusion model resource " + resource);
            }
            JsonNode root = Json.mapper().readTree(in);
            DenoiserSpec spec = DiffusersConfigLoader.parse(root.get("config"), resource + " config");
            return new DiffusionWorkload(root.get("id").asText(), root.get("description").asText(),
                    root.get("source").asText(), spec, VaeDecoderSpec.stableDiffusion());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in resource " + resource, e);
        }
    }
}
