package io.bitforge.workloads.tensors;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A checkpoint as Hugging Face stores it: one {@code .safetensors} file, or shards listed by
 * {@code model.safetensors.index.json} ({@code weight_map}: tensor name → shard file beside the index), or a
 * folder holding either (the index if present, else every {@code .safetensors} file in it). Tensor names are
 * unique across shards and listed sorted.
 */
public final class SafetensorsCheckpoint {
    /** The index file name the Hugging Face libraries write for sharded checkpoints. */
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private final Path source;
    private final Map<String, TensorInfo> tensors;

    private SafetensorsCheckpoint(Path source, Map<String, TensorInfo> tensors) {
        this.source = source;
        this.tensors = tensors;
    }

    /** Opens a file, an index or a folder; reads headers only. */
    public static SafetensorsCheckpoint open(Path path) {
        if (Files.isDirectory(path)) {
            Path index = path.resolve(INDEX_FILE);
            if (Files.isRegularFile(index)) {
                return fromIndex(index);
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(SafetensorsFile::isSafetensors).sorted().toList();
            } catch (IOException e) {
                throw SafetensorsFile.bad(path, "cannot list the folder: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw SafetensorsFile.bad(path, "folder holds no " + INDEX_FILE + " and no .safetensors files");
            }
            return fromFiles(path, files);
        }
        if (!Files.exists(path)) {
            throw SafetensorsFile.bad(path, "no such file or folder");
        }
        if (path.getFileName().toString().endsWith(".json")) {
            return fromIndex(path);
        }
        return fromFiles(path, List.of(path));
    }

    private static SafetensorsCheckpoint fromFiles(Path source, List<Path> files) {
        Map<String, TensorInfo> tensors = new TreeMap<>();
        for (Path file : files) {
            for (TensorInfo t : SafetensorsFile.open(file).tensors()) {
                TensorInfo previous = tensors.put(t.name(), t);
                if (previous != null) {
                    throw SafetensorsFile.bad(file, "tensor '" + t.name() + "' is also in " + previous.file());
                }
            }
        }
        return new SafetensorsCheckpoint(source, Collections.unmodifiableMap(tensors));
    }

    private static SafetensorsCheckpoint fromIndex(Path index) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(index.toFile());
        } catch (IOException e) {
            throw SafetensorsFile.bad(index, "not a readable JSON index: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        JsonNode weightMap = root == null ? null : root.get("weight_map");
        if (weightMap == null || !weightMap.isObject()) {
            throw SafetensorsFile.bad(index, "weight_map must be an object of tensor name → shard file");
        }
        Path folder = index.toAbsolutePath().getParent();
        Map<String, SafetensorsFile> shards = new HashMap<>();
        Map<String, TensorInfo> tensors = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = weightMap.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String shardName = entry.getValue().asText();
            Path shardPath = folder.resolve(shardName).normalize();
            if (!shardPath.startsWith(folder) || !Files.isRegularFile(shardPath)) {
                throw SafetensorsFile.bad(index, "weight_map.'" + name + "': shard '" + shardName
                        + "' is not a file beside the index");
            }
            SafetensorsFile shard = shards.computeIfAbsent(shardName, s -> SafetensorsFile.open(shardPath));
            TensorInfo info;
            try {
                info = shard.tensor(name);
            } catch (BadInputException e) {
                throw SafetensorsFile.bad(index, "weight_map.'" + name + "': shard " + shardName
                        + " has no such tensor");
            }
            tensors.put(name, info);
        }
        return new SafetensorsCheckpoint(index, Collections.unmodifiableMap(tensors));
    }

    /** The file, index or folder this was opened from. */
    public Path source() {
        return source;
    }

    /** Every tensor, sorted by name. */
    public List<TensorInfo> tensors() {
        return new ArrayList<>(tensors.values());
    }

    /** The named tensor, or bad input naming the checkpoint and some of its tensors. */
    public TensorInfo tensor(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw SafetensorsFile.bad(source, "no tensor '" + name + "'; the checkpoint holds "
                    + TensorNames.sample(tensors.keySet()));
        }
        return info;
    }

    /** Total bytes of tensor data. */
    public long dataBytes() {
        return tensors.values().stream().mapToLong(t -> t.end() - t.begin()).sum();
    }
}
