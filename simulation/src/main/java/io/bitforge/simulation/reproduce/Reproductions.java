package io.bitforge.simulation.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpecLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs a paper's reproduction, whichever kind its file is: layer lists per design ({@link Reproduction}, ANT's and
 * MixPE's), an LLM study by phases ({@link PhasedReproduction}, BitMoD's) or a CPU LUT-kernel roofline
 * ({@link LutRooflineReproduction}, T-MAC's). Reached through the library facade
 * ({@code io.bitforge.api.BitForge#reproduce}), which {@code reproduce} and the demo call.
 */
public final class Reproductions {
    /** The papers shipped under {@code examples/reproduce/}. */
    public static final List<String> PAPERS = List.of("ant", "bitmod", "mixpe",
            "bitfusion", "isaac", "tmac", "bitfusion-stripes",
            "olive", "lut-tc");

    private Reproductions() {
    }

    /** A headline ratio, measured and (when published) the paper's. */
    public record Headline(String name, double value, OptionalDouble paper, String paperSource) {
    }

    /**
     * What a run gives: the reproduction file read, the JSON document, the readable text, the headline ratios and,
     * when asked for, the sensitivity of the headlines to the artefact's choices (its JSON and text included in
     * {@code json} and {@code text}).
     */
    public record Outcome(Path file, String paperTitle, Map<String, Object> json, String text,
                          List<Headline> headlines, Optional<Sensitivity> sensitivity) {
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
        return run(paper, file, registry, Sensitivity.Scope.NONE);
    }

    /** The reproduction under the artefact's accounting and, as {@code scope} asks, under BitForge's. */
    public static Outcome run(String paper, Path file, Registry registry, Sensitivity.Scope scope) {
        JsonNode tree = ReproductionFile.tree(file);
        List<SensitivityChoice> choices = SensitivityChoice.read(tree, file.toString());
        if (scope != Sensitivity.Scope.NONE) {
            SensitivityChoice.check(file, tree, choices, hardwareFiles(file, tree));
        }
        if (scope == Sensitivity.Scope.NONE || choices.isEmpty()) {
            return evaluate(paper, file, tree, TreePatch.NONE, registry);
        }
        // the base run and every switch are independent runs: done side by side, collected in the file's order
        List<SensitivityChoice> combined = choices.stream().filter(SensitivityChoice::combined).toList();
        List<List<SensitivityChoice>> switches = new ArrayList<>();
        if (scope == Sensitivity.Scope.EACH) {
            choices.forEach(c -> switches.add(List.of(c)));
        }
        switches.add(combined);
        List<Object> results = java.util.stream.IntStream.rangeClosed(0, switches.size()).parallel()
                .mapToObj(i -> i == 0 ? (Object) evaluate(paper, file, tree, TreePatch.NONE, registry)
                        : variant(paper, file, tree, switches.get(i - 1), i == switches.size() ? Optional.empty()
                                : Optional.of(switches.get(i - 1).get(0)), registry))
                .toList();
        Outcome base = (Outcome) results.get(0);
        List<Sensitivity.Variant> each = new ArrayList<>();
        for (int i = 1; i < switches.size(); i++) {
            each.add((Sensitivity.Variant) results.get(i));
        }
        Sensitivity sensitivity = new Sensitivity(List.copyOf(each),
                (Sensitivity.Variant) results.get(switches.size()));
        Map<String, Object> json = new LinkedHashMap<>(base.json());
        json.put("sensitivity", SensitivityText.json(base.headlines(), sensitivity));
        String text = scope == Sensitivity.Scope.EACH
                ? base.text() + "\n" + SensitivityText.render(base.headlines(), sensitivity) : base.text();
        return new Outcome(file, base.paperTitle(), json, text, base.headlines(), Optional.of(sensitivity));
    }

    /** The reproduction with the one choice named {@code choice} switched to BitForge's modelling. */
    static Sensitivity.Variant switched(String paper, Path file, Registry registry, String choice) {
        JsonNode tree = ReproductionFile.tree(file);
        List<SensitivityChoice> choices = SensitivityChoice.read(tree, file.toString());
        SensitivityChoice.check(file, tree, choices, hardwareFiles(file, tree));
        SensitivityChoice c = choices.stream().filter(x -> x.choice().equals(choice)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no choice " + choice));
        return variant(paper, file, tree, List.of(c), Optional.of(c), registry);
    }

    private static Sensitivity.Variant variant(String paper, Path file, JsonNode tree,
                                               List<SensitivityChoice> choices, Optional<SensitivityChoice> choice,
                                               Registry registry) {
        TreePatch set = TreePatch.NONE;
        TreePatch hardware = TreePatch.NONE;
        for (SensitivityChoice c : choices) {
            set = set.and(c.set());
            hardware = hardware.and(c.hardware());
        }
        List<String> names = choices.stream().map(SensitivityChoice::choice).toList();
        try {
            Outcome outcome = evaluate(paper, file, set.apply(tree, false, null), hardware, registry);
            return new Sensitivity.Variant(choice, names, outcome.headlines(), Optional.empty());
        } catch (BadInputException e) {
            // a switch BitForge's models refuse (e.g. operands a PE cannot take): reported, not fatal
            return new Sensitivity.Variant(choice, names, List.of(), Optional.of(e.getMessage()));
        }
    }

    private static Outcome evaluate(String paper, Path file, JsonNode tree, TreePatch hardware, Registry registry) {
        if (LutRooflineReproduction.KIND.equals(tree.path("kind").asText())) {
            LutRooflineReproduction.Result result = LutRooflineReproduction.run(file, tree);
            return new Outcome(file, result.paper(), LutRooflineReproduction.json(result),
                    LutRooflineReproduction.render(result), LutRooflineReproduction.headlines(result),
                    Optional.empty());
        }
        if (PhasedReproductionFile.KIND.equals(tree.path("kind").asText())) {
            PhasedReproduction.Result result = PhasedReproduction.run(paper,
                    PhasedReproductionFile.read(file, tree, hardware), registry);
            List<Headline> headlines = result.ratios().stream()
                    .map(r -> new Headline(r.name(), r.value(), r.paper(), r.paperSource())).toList();
            return new Outcome(file, result.file().paper(), PhasedReproductionText.json(result),
                    PhasedReproductionText.render(result), headlines, Optional.empty());
        }
        Reproduction.Result result = Reproduction.run(paper, ReproductionFile.read(file, tree, hardware), registry);
        List<Headline> headlines = result.ratios().stream()
                .map(r -> new Headline(r.name(), r.value(), OptionalDouble.of(r.paper()), r.paperSource())).toList();
        return new Outcome(file, result.file().paper(), ReproductionText.json(result),
                ReproductionText.render(result), headlines, Optional.empty());
    }

    /**
     * Reads and checks a reproduction file without running it: its fields, its designs' hardware files, its
     * sensitivity choices (every change addresses a field) and, for a phased file, every model's parameter overrides.
     */
    public static void check(Path file, Registry registry) {
        JsonNode tree = ReproductionFile.tree(file);
        List<SensitivityChoice> choices = SensitivityChoice.read(tree, file.toString());
        SensitivityChoice.check(file, tree, choices, hardwareFiles(file, tree));
        readWhole(file, tree, registry);
        for (int i = 0; i < choices.size(); i++) {
            try {
                readWhole(file, choices.get(i).set().apply(tree, false, null), registry); // the switched file too
            } catch (BadInputException e) {
                throw new BadInputException("reproduction.sensitivity[" + i + "].set: " + e.getMessage(), e);
            }
        }
    }

    /** Reads every field of a reproduction tree, its designs' hardware and a phased file's overrides. */
    private static void readWhole(Path file, JsonNode tree, Registry registry) {
        if (LutRooflineReproduction.KIND.equals(tree.path("kind").asText())) {
            LutRooflineReproduction.run(file, tree); // reads every field, device and model
        } else if (PhasedReproductionFile.KIND.equals(tree.path("kind").asText())) {
            PhasedReproduction.check(PhasedReproductionFile.read(file, tree, TreePatch.NONE), registry);
        } else {
            HardwareSpecLoader loader = new HardwareSpecLoader(registry);
            ReproductionFile.read(file, tree, TreePatch.NONE).designs().forEach(d -> loader.load(d.hardware()));
        }
    }

    /** Every hardware file the file's designs name (both phases of a phased reproduction). */
    private static List<Path> hardwareFiles(Path file, JsonNode tree) {
        if (LutRooflineReproduction.KIND.equals(tree.path("kind").asText())) {
            return List.of(); // a CPU study: no hardware files
        }
        if (PhasedReproductionFile.KIND.equals(tree.path("kind").asText())) {
            return PhasedReproductionFile.read(file, tree, TreePatch.NONE).designs().stream()
                    .flatMap(d -> java.util.stream.Stream.of(d.prefill(), d.decode())).toList();
        }
        return ReproductionFile.read(file, tree, TreePatch.NONE).designs().stream()
                .map(ReproductionFile.Design::hardware).toList();
    }
}
