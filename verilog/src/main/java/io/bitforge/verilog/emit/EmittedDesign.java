package io.bitforge.verilog.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verilog files of one design: one module per file, named after the module, children before parents (the
 * order tools should read them in). Black boxes are referenced, not included.
 */
public record EmittedDesign(String top, Map<String, String> files, Map<String, String> dataFiles) {
    public EmittedDesign {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        dataFiles = Collections.unmodifiableMap(new LinkedHashMap<>(dataFiles));
    }

    /** Verilog files only. */
    public EmittedDesign(String top, Map<String, String> files) {
        this(top, files, Map.of());
    }

    /** File names, children first. */
    public List<String> fileNames() {
        return new ArrayList<>(files.keySet());
    }

    /**
     * Writes every file into {@code directory} (created if needed), the {@code $readmemh} data files beside the
     * Verilog; returns the Verilog paths, children first.
     */
    public List<Path> writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, String> f : dataFiles.entrySet()) {
            Files.writeString(directory.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = directory.resolve(f.getKey());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            out.add(p);
        }
        return out;
    }
}
