package io.bitforge.reports.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code manifest.json} of a results directory (DESIGN.md, "Results directories"): which command wrote it
 * ({@code kind}), the BitForge version, the full inputs (every option after defaults were applied), the seed (null
 * when the run draws no random numbers) and the files beside it.
 */
public record Manifest(String kind, String bitforgeVersion, Map<String, Object> inputs, Long seed,
                       List<ResultFile> files) {
    public static final String FILE_NAME = "manifest.json";

    public Manifest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bitforgeVersion, "bitforgeVersion");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        files = List.copyOf(files);
    }

    /** The JSON tree written to disk, fields in this order. */
    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", kind);
        root.put("bitforgeVersion", bitforgeVersion);
        root.put("inputs", inputs);
        root.put("seed", seed);
        root.put("files", files.stream().map(f -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", f.name());
            file.put("role", f.role());
            file.put("description", f.description());
            return file;
        }).toList());
        return root;
    }
}
