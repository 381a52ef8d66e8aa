package io.bitforge.reports.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A results directory read back through its manifest. Any command's directory reads the same way; a missing or
 * malformed manifest, or a listed file that is not there, is bad input naming the file and the field.
 */
public record ResultsDirectory(Path directory, Manifest manifest) {
    /** Reads and checks {@code directory/manifest.json}. */
    public static ResultsDirectory read(Path directory) {
        Path file = directory.resolve(Manifest.FILE_NAME);
        String where = file.toString();
        if (!Files.isDirectory(directory)) {
            throw new BadRequestException("in", directory + ": not a directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(where + ": missing; a results directory holds a manifest.json (written by "
                    + "any command given a results directory to write)");
        }
        JsonNode root = parse(file);
        if (!root.isObject()) {
            throw BadInputException.field(where, "(root)", root.getNodeType(), "must be a JSON object");
        }
        String kind = text(root, "kind", where);
        String version = text(root, "bitforgeVersion", where);
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isObject()) {
            throw BadInputException.field(where, "inputs", inputs == null ? "nothing" : inputs.getNodeType(),
                    "must be an object of the run's inputs");
        }
        JsonNode seed = root.get("seed");
        if (seed != null && !seed.isNull() && !seed.canConvertToLong()) {
            throw BadInputException.field(where, "seed", seed, "must be an integer or null");
        }
        JsonNode files = root.get("files");
        if (files == null || !files.isArray()) {
            throw BadInputException.field(where, "files", files == null ? "nothing" : files.getNodeType(),
                    "must be an array of {name, role, description}");
        }
        List<ResultFile> list = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode entry = files.get(i);
            String field = "files[" + i + "]";
            String name = text(entry, "name", where, field + ".name");
            String role = text(entry, "role", where, field + ".role");
            if (!ResultFile.ROLES.contains(role)) {
                throw BadInputException.field(where, field + ".role", "'" + role + "'",
                        "must be one of " + String.join(", ", ResultFile.ROLES));
            }
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw BadInputException.field(where, field + ".name", "'" + name + "'", "must be a plain file name");
            }
            if (!Files.isRegularFile(directory.resolve(name))) {
                throw BadInputException.field(where, field + ".name", "'" + name + "'",
                        "must name a file in " + directory);
            }
            list.add(new ResultFile(name, role, entry.path("description").asText("")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> inputMap = Json.mapper().convertValue(inputs, LinkedHashMap.class);
        Long seedValue = seed == null || seed.isNull() ? null : seed.asLong();
        return new ResultsDirectory(directory, new Manifest(kind, version, inputMap, seedValue, list));
    }

    /** The files of one role, in manifest order. */
    public List<ResultFile> files(String role) {
        return manifest.files().stream().filter(f -> f.role().equals(role)).toList();
    }

    /** A listed file's text. */
    public String text(ResultFile file) {
        try {
            return Files.readString(directory.resolve(file.name()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(directory.resolve(file.name()) + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A listed JSON file, parsed. */
    public JsonNode json(ResultFile file) {
        return parse(directory.resolve(file.name()));
    }

    private static JsonNode parse(Path file) {
        try {
            return Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            // A nesting-depth limit error carries no location.
            throw new BadInputException(file + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, String where) {
        return text(node, field, where, field);
    }

    private static String text(JsonNode node, String field, String where, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw BadInputException.field(where, path, value == null ? "nothing" : value.toString(),
                    "must be a non-empty string");
        }
        return value.asText();
    }
}
