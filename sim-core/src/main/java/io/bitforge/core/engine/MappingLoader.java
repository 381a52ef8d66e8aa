package io.bitforge.core.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.CycleModel;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.SpecNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a mapping file (YAML or JSON): {@code {tileM, tileK, tileN, loopOrder, dataflow, cycleModel}}, every field
 * optional; errors name the field path under {@code mapping}.
 */
public final class MappingLoader {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private MappingLoader() {
    }

    public static Mapping load(Path file) {
        JsonNode tree;
        try {
            tree = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": not valid YAML/JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return Mapping.AUTO;
        }
        return parse(SpecNode.detached(tree, file.toString(), "mapping"));
    }

    /** A mapping node: tile sizes >= 1, a permutation of mkn, a dataflow id, a cycle model id. */
    public static Mapping parse(SpecNode node) {
        node.requireObject().allowOnly("tileM", "tileK", "tileN", "loopOrder", "dataflow", "cycleModel");
        Optional<LoopOrder> order = node.optionalField("loopOrder").map(n -> {
            char[] sorted = n.text().toLowerCase(Locale.ROOT).toCharArray();
            Arrays.sort(sorted);
            if (!new String(sorted).equals("kmn")) {
                throw n.error("must be a permutation of mkn (outermost first)", n.shown());
            }
            return LoopOrder.valueOf(n.text().toUpperCase(Locale.ROOT));
        });
        Optional<Dataflow> dataflow = node.optionalField("dataflow").map(n -> Dataflow.fromId(n.text())
                .orElseThrow(() -> n.error("must be one of " + Dataflow.ids(), n.shown())));
        CycleModel cycleModel = node.optionalField("cycleModel").map(n -> CycleModel.fromId(n.text())
                .orElseThrow(() -> n.error("must be one of " + CycleModel.ids(), n.shown()))).orElse(CycleModel.FOLDS);
        return new Mapping(tile(node, "tileM"), tile(node, "tileK"), tile(node, "tileN"), order, dataflow,
                cycleModel);
    }

    private static OptionalInt tile(SpecNode node, String name) {
        return node.optionalField(name).map(n -> OptionalInt.of(n.intIn(1, Integer.MAX_VALUE)))
                .orElse(OptionalInt.empty());
    }
}
