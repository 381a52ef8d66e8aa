package io.bitforge.explore.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bitforge.core.engine.Mapping;
import io.bitforge.core.engine.MappingLoader;
import io.bitforge.core.io.Json;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.explore.DesignScorer;
import io.bitforge.explore.DesignSpace;
import io.bitforge.explore.SpaceLoader;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an executor needs to build the driver's {@link DesignScorer}: the space as written with its base spec
 * inlined (so no file has to exist on the executor) and the mapping every design runs under. Both travel as JSON
 * text and are parsed by the same loaders the driver used.
 *
 * @param spaceJson   the space, its {@code base} replaced by the resolved base spec
 * @param spaceName   the space file's name, for messages
 * @param mappingJson the mapping ({@link Mapping#asMap()}), or null for each design's own
 */
public record ScorerRecipe(String spaceJson, String spaceName, String mappingJson) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static ScorerRecipe of(DesignSpace space, String spaceName, Mapping mapping) {
        Map<String, Object> written = new LinkedHashMap<>(space.asWritten());
        written.put("base", space.base());
        return new ScorerRecipe(Json.write(written), spaceName, mapping == null ? null : Json.write(mapping.asMap()));
    }

    /** The scorer, with the registry of this JVM's classpath (the same families as the driver's jar). */
    public DesignScorer build() {
        Registry registry = Registry.load();
        DesignSpace space = new SpaceLoader(registry).parse(spaceJson, spaceName, null);
        Mapping mapping = null;
        if (mappingJson != null) {
            try {
                mapping = MappingLoader.parse(SpecNode.detached(new ObjectMapper().readTree(mappingJson), spaceName,
                        "mapping"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("mapping JSON written by the driver does not parse", e);
            }
        }
        return new DesignScorer(registry, space, mapping);
    }
}
