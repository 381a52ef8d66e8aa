package io.bitforge.simulation.reproduce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.EngineOptions;
import io.bitforge.core.engine.HorowitzSram;
import io.bitforge.core.engine.SramEnergyModel;
import io.bitforge.simulation.engine.EngineAssembly;
import io.bitforge.simulation.engine.EngineSetup;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.memory.sram.CactiSramEnergy;
import io.bitforge.workloads.llm.ModelConfig;
import io.bitforge.workloads.llm.ModelZoo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Runs a {@link PhasedReproductionFile} through the ordinary {@link Engine}: every model's layers (in the file's
 * layer convention) on every design, prefill on the design's prefill spec and one decode token on its decode spec,
 * with the file's engine options and per-model parameter overrides, and the headline ratios: for each model the
 * prefill ratio and the ratio of prefill + {@code decodeTokens} decode tokens, averaged over all of them.
 */
public final class PhasedReproduction {
    private PhasedReproduction() {
    }

    /** One ratio's term for one model: {@code phase} is {@code prefill} or {@code prefill+Ndecode}. */
    public record Term(String model, String phase, double value) {
    }

    /** A headline ratio: the mean of its terms, and the paper's value when published. */
    public record RatioResult(String name, String metric, double value, OptionalDouble paper, String paperSource,
                              List<Term> terms) {
        /** measured / paper − 1, when the paper gives a value. */
        public OptionalDouble relativeDifference() {
            return paper.isPresent() ? OptionalDouble.of(value / paper.getAsDouble() - 1) : OptionalDouble.empty();
        }
    }

    public record Result(PhasedReproductionFile file, List<Reproduction.Row> rows, List<RatioResult> ratios) {
        /** The combined phase's name, e.g. {@code prefill+20decode}. */
        public String combinedPhase() {
            return "prefill+" + file.decodeTokens() + "decode";
        }
    }

    public static Result run(String paper, PhasedReproductionFile file, Registry registry) {
        List<String> missing = file.requiredFamilies().stream().filter(id -> registry.peFamily(id).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            throw new BadInputException("reproduce " + paper + ": cannot run yet: needs PE famil"
                    + (missing.size() == 1 ? "y " : "ies ") + String.join(", ", missing) + " (registered: "
                    + String.join(", ", registry.ids(CatalogKind.PES)) + ")");
        }
        Runner runner = new Runner(file, registry);
        List<Reproduction.Row> rows = new ArrayList<>();
        Map<String, Reproduction.Row> byKey = new HashMap<>();
        String combined = "prefill+" + file.decodeTokens() + "decode";
        for (PhasedReproductionFile.Model model : file.models()) {
            for (PhasedReproductionFile.Design design : file.designs()) {
                Map<String, Reproduction.Row> phases = new LinkedHashMap<>();
                for (String phase : PhasedReproductionFile.PHASES) {
                    CostReport cost = runner.cost(model, design, phase);
                    Reproduction.Row row = new Reproduction.Row(model.name(), design.id(), phase, cost.totalCycles(),
                            cost.totalPicojoules());
                    rows.add(row);
                    phases.put(phase, row);
                }
                Reproduction.Row prefill = phases.get("prefill");
                Reproduction.Row decode = phases.get("decode");
                Reproduction.Row both = new Reproduction.Row(model.name(), design.id(), combined,
                        Math.addExact(prefill.cycles(), Math.multiplyExact(file.decodeTokens(), decode.cycles())),
                        prefill.energyPicojoules() + file.decodeTokens() * decode.energyPicojoules());
                rows.add(both);
                for (Reproduction.Row row : List.of(prefill, decode, both)) {
                    byKey.put(row.model() + "/" + row.design() + "/" + row.phase(), row);
                }
            }
        }
        List<RatioResult> ratios = new ArrayList<>();
        for (PhasedReproductionFile.Ratio ratio : file.ratios()) {
            List<Term> terms = new ArrayList<>();
            for (PhasedReproductionFile.Model model : file.models()) {
                for (String phase : List.of("prefill", combined)) {
                    Reproduction.Row num = byKey.get(model.name() + "/" + ratio.numerator() + "/" + phase);
                    Reproduction.Row den = byKey.get(model.name() + "/" + ratio.denominator() + "/" + phase);
                    double value = ratio.metric().equals("cycles") ? (double) num.cycles() / den.cycles()
                            : num.energyPicojoules() / den.energyPicojoules();
                    terms.add(new Term(model.name(), phase, value));
                }
            }
            double mean = terms.stream().mapToDouble(Term::value).sum() / terms.size();
            ratios.add(new RatioResult(ratio.name(), ratio.metric(), mean, ratio.paper(), ratio.paperSource(),
                    List.copyOf(terms)));
        }
        return new Result(file, List.copyOf(rows), List.copyOf(ratios));
    }

    /** Loads every design's hardware and checks every model's overrides, as {@link #run} does first. */
    static void check(PhasedReproductionFile file, Registry registry) {
        new Runner(file, registry);
    }

    /** The whole cost of one model's layers on one design in one phase, as {@link #run} computes it. */
    public static CostReport cost(PhasedReproductionFile file, Registry registry, String model, String design,
                                  String phase) {
        PhasedReproductionFile.Model m = file.models().stream().filter(x -> x.name().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + model));
        PhasedReproductionFile.Design d = file.designs().stream().filter(x -> x.id().equals(design)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no design " + design));
        return new Runner(file, registry).cost(m, d, phase);
    }

    /** Loads each design's specs once and evaluates a model's layers on them. */
    private static final class Runner {
        private final PhasedReproductionFile file;
        private final Registry registry;
        private final Map<String, HardwareSpec> specs = new HashMap<>();
        private final SramEnergyModel sram;

        Runner(PhasedReproductionFile file, Registry registry) {
            this.file = file;
            this.registry = registry;
            HardwareSpecLoader loader = new HardwareSpecLoader(registry);
            for (PhasedReproductionFile.Design design : file.designs()) {
                for (String phase : PhasedReproductionFile.PHASES) {
                    specs.put(design.id() + "/" + phase, PatchedHardware.load(loader, design.hardware(phase),
                            file.hardwarePatch()));
                }
            }
            sram = file.engine().sram() == PhasedReproductionFile.Sram.CACTI_28NM ? new CactiSramEnergy()
                    : new HorowitzSram();
            // every model's parameter overrides are checked by their family before the first run, not mid-way
            for (PhasedReproductionFile.Model model : file.models()) {
                for (PhasedReproductionFile.Design design : file.designs()) {
                    for (String phase : PhasedReproductionFile.PHASES) {
                        withOverrides(specs.get(design.id() + "/" + phase), file, model, design, phase, registry);
                    }
                }
            }
        }

        CostReport cost(PhasedReproductionFile.Model model, PhasedReproductionFile.Design design, String phase) {
            ModelConfig config = ModelZoo.find(model.workload()).orElseThrow(() -> new BadInputException(
                    "reproduction.models." + model.name() + ".workload: must be a model of the zoo ("
                            + String.join(", ", ModelZoo.ids()) + "), got '" + model.workload() + "'"));
            HardwareSpec spec = withOverrides(specs.get(design.id() + "/" + phase), file, model, design, phase,
                    registry);
            PeFamily family = registry.peFamily(spec.pe().family()).orElseThrow();
            EngineOptions options = EngineOptions.DEFAULT.withStepTiming(design.stepTiming()
                    .orElse(file.engine().stepTiming())).withEnergyConvention(ArtefactOptions.ARTEFACT);
            if (file.engine().attentionInput() == PhasedReproductionFile.AttentionInput.KV_WIDTH) {
                options = options.withAttentionInputWidth(BitmodArtefactLayers.attentionInputWidth(config));
            }
            // the DRAM model only matters for designs on the fold model; layer-overlap has its own traffic
            Engine engine = EngineAssembly.assemble(registry, spec, family,
                    EngineSetup.SIMULATE.withSram(sram).withOptions(options));
            Precision weights = family.nativePrecisions(spec.pe().params()).weights();
            List<GemmOp> ops = BitmodArtefactLayers.layers(config, phase, file.context(), weights,
                    design.weightGroupSize());
            return engine.evaluate(new OpGraph(model.workload() + " " + phase, List.<Op>copyOf(ops)));
        }
    }

    /** The design's spec with the model's overrides of its {@code pe.params} in this phase, validated by the family. */
    private static HardwareSpec withOverrides(HardwareSpec spec, PhasedReproductionFile file,
                                              PhasedReproductionFile.Model model,
                                              PhasedReproductionFile.Design design, String phase,
                                              Registry registry) {
        var overrides = model.params(design.id(), phase);
        if (overrides.isEmpty()) {
            return spec;
        }
        PeFamily family = registry.peFamily(spec.pe().family()).orElseThrow();
        ObjectNode merged = Json.mapper().valueToTree(spec.pe().params().asMap());
        merged.setAll(overrides.get());
        PeParams params = family.parseParams(SpecNode.detached(merged, file.directory().resolve("reproduction.yaml")
                .toString(), "reproduction.models." + model.name() + ".params." + design.id() + "." + phase));
        return spec.withPe(new PeSpec(spec.pe().family(), params));
    }
}
