package io.bitforge.simulation.reproduce;

import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.registry.Registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Runs a paper's reproduction, whichever kind its file is: layer lists per design ({@link Reproduction}, ANT's and
 * MixPE's) or an LLM study by phases ({@link PhasedReproduction}, BitMoD's). Reached through the library facade
 * ({@code io.bitforge.api.BitForge#reproduce}), which {@code reproduce} and the demo call.
 */
public final class Reproductions {
    /** The papers shipped under {@code examples/reproduce/}. */
    public static final List<String> PAPERS = List.of("ant", "bitmod", "mixpe");

    private Reproductions() {
    }

    /** A headline ratio, measured and (when published) the paper's. */
    public record Headline(String name, double value, OptionalDouble paper, String paperSource) {
    }

    /** What a run gives: the reproduction file read, the JSON document, the readable text and the headline ratios. */
    public record Outcome(Path file, String paperTitle, Map<String, Object> json, String text,
                          List<Headline> headlines) {
    }

    /** {@code dir/reproduction.yaml}, {@code dir} defaulting to {@code examples/reproduce/<paper>}. */
    public static Path file(String paper, Path dir) {
        Path file = (dir == null ? Path.of("examples", "reproduce", paper) : dir).resolve("reproduction.yaml");
        if (!Files.isRegularFile(file)) {
            throw new BadRequestException("directory", file + ": not found (run from the BitForge checkout, or name "
                    + "the directory holding reproduction.yaml)");
        }
        return file;
    }

    public static Outcome run(String paper, Path file, Registry registry) {
        if (PhasedReproductionFile.describes(file)) {
            PhasedReproduction.Result result = PhasedReproduction.run(paper, PhasedReproductionFile.read(file),
                    registry);
            List<Headline> headlines = result.ratios().stream()
                    .map(r -> new Headline(r.name(), r.value(), r.paper(), r.paperSource())).toList();
            return new Outcome(file, result.file().paper(), PhasedReproductionText.json(result),
                    PhasedReproductionText.render(result), headlines);
        }
        Reproduction.Result result = Reproduction.run(paper, ReproductionFile.read(file), registry);
        List<Headline> headlines = result.ratios().stream()
                .map(r -> new Headline(r.name(), r.value(), OptionalDouble.of(r.paper()), r.paperSource())).toList();
        return new Outcome(file, result.file().paper(), ReproductionText.json(result),
                ReproductionText.render(result), headlines);
    }
}
