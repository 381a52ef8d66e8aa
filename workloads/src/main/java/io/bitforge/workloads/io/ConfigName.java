package io.bitforge.workloads.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * The name of a model read from a configuration file: the last segment of {@code _name_or_path} (what
 * transformers and diffusers write when they save a config, e.g. {@code meta-llama/Llama-2-7b-hf}), else the
 * file's type field ({@code model_type} for transformers, {@code _class_name} for diffusers), else the file name
 * without {@code .json}. The folder the file sits in is never used: {@code path/to/config.json} is not "to".
 * Diffusers configs carry no {@code model_type}, only a class name shared by every model of an architecture, so
 * {@link #preferringFile} names them by the file unless it is the generic {@code config.json}.
 */
public final class ConfigName {
    private ConfigName() {
    }

    public static String of(JsonNode root, Path file, String typeField) {
        String path = text(root, "_name_or_path");
        if (path != null) {
            String trimmed = path.replaceAll("[/\\\\]+$", "");
            String last = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
            if (!last.isBlank()) {
                return last;
            }
        }
        String type = text(root, typeField);
        if (type != null) {
            return type;
        }
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - ".json".length()) : fileName;
    }

    /** {@code _name_or_path}, else the file name unless it is {@code config.json}, else {@code typeField}. */
    public static String preferringFile(JsonNode root, Path file, String typeField) {
        String path = text(root, "_name_or_path");
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (path != null || fileName.equals("config.json")) {
            return of(root, file, typeField);
        }
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - ".json".length()) : fileName;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() && !node.textValue().isBlank() ? node.textValue().strip() : null;
    }
}
