package io.bitforge.workloads.llm;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in LLMs: one JSON resource per model under {@code io/bitforge/workloads/llm/zoo/}, each holding the
 * model's Hugging Face {@code config.json} fields and naming that file as its source. The resources go through
 * {@link HfConfigLoader}, the same path as a user's {@code --model-config}.
 */
public final class ModelZoo {
    private static final String FOLDER = "zoo/";

    private ModelZoo() {
    }

    /** The zoo's ids, in the order of {@code zoo/models.txt}. */
    public static List<String> ids() {
        return resource(FOLDER + "models.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Every zoo model, in the order of {@code zoo/models.txt}. */
    public static List<ModelConfig> all() {
        List<ModelConfig> models = new ArrayList<>();
        for (String id : ids()) {
            models.add(load(id));
        }
        return List.copyOf(models);
    }

    public static Optional<ModelConfig> find(String id) {
        return ids().contains(id) ? Optional.of(load(id)) : Optional.empty();
    }

    /** One zoo model by id (an id from {@link #ids()}). */
    static ModelConfig load(String id) {
        String file = FOLDER + id + ".json";
        JsonNode entry = HfConfigLoader.readTree(resource(file), file);
        JsonNode config = entry.get("config");
        if (config == null || !config.isObject() || !entry.path("id").asText().equals(id)) {
            throw new IllegalStateException("zoo resource " + file + " needs an id '" + id + "' and a config object");
        }
        return HfConfigLoader.parse(config, file, id, entry.path("name").asText(id), entry.path("source").asText());
    }

    private static String resource(String name) {
        try (InputStream in = ModelZoo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing zoo resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read zoo resource " + name, e);
        }
    }
}
