package io.bitforge.reports.results;

import io.bitforge.core.io.AtomicFiles;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.reports.chart.ChartRender;
import org.jfree.chart.ui.Drawable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one results directory: result files first, then {@code manifest.json} listing them last, so a directory
 * with a manifest is complete. Every command with {@code --out DIR} uses it:
 * <pre>{@code
 * ResultsWriter out = ResultsWriter.create(dir, "--out");
 * out.json("roofline.json", "per-op roofline", report.toJson());
 * out.csv("roofline.csv", "one row per op", csvText);
 * out.chart("roofline", "the roofline chart", chart.chart(), 1000, 700);
 * out.finish("roofline", version, inputs, null);
 * }</pre>
 */
public final class ResultsWriter {
    private final Path directory;
    private final String option;
    private final List<ResultFile> files = new ArrayList<>();

    private ResultsWriter(Path directory, String option) {
        this.directory = directory;
        this.option = option;
    }

    /**
     * Creates the directory (and missing parents); a path that exists as a file, or cannot be created, is bad
     * input naming {@code option}.
     */
    public static ResultsWriter create(Path directory, String option) {
        Objects.requireNonNull(directory, "directory");
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new BadInputException(option + ": " + directory + " exists and is not a directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new BadInputException(option + ": cannot create directory " + directory + ": " + e.getMessage(), e);
        }
        return new ResultsWriter(directory, option);
    }

    public Path directory() {
        return directory;
    }

    /** A JSON result written with {@link Json} (stable field order). */
    public ResultsWriter json(String name, String description, Object value) {
        return text(new ResultFile(name, ResultFile.RESULT, description), Json.write(value));
    }

    /** A CSV table. */
    public ResultsWriter csv(String name, String description, String csvText) {
        return text(new ResultFile(name, ResultFile.TABLE, description), csvText);
    }

    /**
     * A chart as {@code baseName.svg} and {@code baseName.png}; the SVG's defs prefix is
     * {@code bitforge-<baseName>-} (the HTML report renames it per page).
     */
    public ResultsWriter chart(String baseName, String description, Drawable chart, int width, int height) {
        text(new ResultFile(baseName + ".svg", ResultFile.CHART, description),
                ChartRender.svg(chart, width, height, "bitforge-" + baseName + "-"));
        ResultFile png = new ResultFile(baseName + ".png", ResultFile.CHART, description);
        write(png, ChartRender.png(chart, width, height));
        return this;
    }

    /**
     * Lists a file another component already wrote into the directory (e.g. the explorer's append-only
     * results.jsonl); it must exist.
     */
    public ResultsWriter existing(String name, String role, String description) {
        ResultFile file = new ResultFile(name, role, description);
        if (!Files.isRegularFile(directory.resolve(name))) {
            throw new IllegalStateException(directory.resolve(name) + " was not written");
        }
        if (files.stream().anyMatch(f -> f.name().equals(name))) {
            throw new IllegalArgumentException("result file " + name + " listed twice");
        }
        files.add(file);
        return this;
    }

    private ResultsWriter text(ResultFile file, String content) {
        return write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private ResultsWriter write(ResultFile file, byte[] content) {
        if (file.name().equals(Manifest.FILE_NAME) || files.stream().anyMatch(f -> f.name().equals(file.name()))) {
            throw new IllegalArgumentException("result file " + file.name() + " written twice or named like the "
                    + "manifest");
        }
        AtomicFiles.write(directory.resolve(file.name()), content);
        files.add(file);
        return this;
    }

    /** Writes the manifest listing every file written so far and returns it. */
    public Manifest finish(String kind, String bitforgeVersion, Map<String, Object> inputs, Long seed) {
        Manifest manifest = new Manifest(kind, bitforgeVersion, new LinkedHashMap<>(inputs), seed, files);
        // last and atomically: a directory with a manifest has every file the manifest lists
        AtomicFiles.writeString(directory.resolve(Manifest.FILE_NAME), Json.write(manifest.toJson()));
        return manifest;
    }
}
