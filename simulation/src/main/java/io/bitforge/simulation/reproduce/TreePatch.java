package io.bitforge.simulation.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field changes to a parsed YAML tree, written as dotted paths: {@code engine.staticMilliwatts: 0},
 * {@code designs.ant.companionGemm: null}, {@code models.*.params: null}. A segment names an object's field, or in
 * a list the item whose {@code id} or {@code name} is that segment, or every item ({@code *}). A null value removes
 * the field. Only fields whose parent object exists are set ({@code onlyExisting} also skips absent fields), so one
 * patch can address every design's hardware file.
 *
 * @param changes path to new value (null node: remove), in the order given
 */
public record TreePatch(Map<String, JsonNode> changes) {
    public static final TreePatch NONE = new TreePatch(Map.of());

    public TreePatch {
        changes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** This patch's changes, then {@code other}'s. */
    public TreePatch and(TreePatch other) {
        Map<String, JsonNode> all = new LinkedHashMap<>(changes);
        all.putAll(other.changes);
        return new TreePatch(all);
    }

    /**
     * A copy of {@code tree} with the changes applied; {@code onlyExisting} leaves a field that is absent absent.
     * Returns how many fields were changed through {@code changed} (may be null).
     */
    public JsonNode apply(JsonNode tree, boolean onlyExisting, int[] changed) {
        JsonNode copy = tree.deepCopy();
        for (Map.Entry<String, JsonNode> change : changes.entrySet()) {
            String[] segments = change.getKey().split("\\.");
            List<JsonNode> parents = List.of(copy);
            for (int i = 0; i < segments.length - 1; i++) {
                parents = step(parents, segments[i]);
            }
            String last = segments[segments.length - 1];
            for (JsonNode parent : parents) {
                if (!(parent instanceof ObjectNode object) || (onlyExisting && !object.has(last))) {
                    continue;
                }
                JsonNode value = change.getValue();
                if (value == null || value.isNull()) {
                    object.remove(last);
                } else {
                    object.set(last, value.deepCopy());
                }
                if (changed != null) {
                    changed[0]++;
                }
            }
        }
        return copy;
    }

    private static List<JsonNode> step(List<JsonNode> nodes, String segment) {
        List<JsonNode> next = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node instanceof ArrayNode array) {
                for (JsonNode item : array) {
                    if (segment.equals("*") || segment.equals(item.path("id").asText(null))
                            || segment.equals(item.path("name").asText(null))) {
                        next.add(item);
                    }
                }
            } else if (node instanceof ObjectNode object) {
                if (segment.equals("*")) {
                    object.forEach(next::add);
                } else if (object.has(segment)) {
                    next.add(object.get(segment));
                }
            }
        }
        return next;
    }
}
