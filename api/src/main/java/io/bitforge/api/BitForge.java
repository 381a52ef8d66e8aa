package io.bitforge.api;

import io.bitforge.core.engine.Mapping;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.io.Suggestions;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.registry.RegistryContributor;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.explore.ExploreProgress;
import io.bitforge.memory.scalesim.ScaleSimConfig;
import io.bitforge.memory.scalesim.ScaleSimConfigParser;
import io.bitforge.memory.scalesim.ScaleSimRun;
import io.bitforge.memory.scalesim.TopologyLayer;
import io.bitforge.memory.scalesim.TopologyParser;
import io.bitforge.explore.ExploreRequest;
import io.bitforge.explore.ExploreSummary;
import io.bitforge.explore.Explorer;
import io.bitforge.explore.ScoringEngine;
import io.bitforge.roofline.RooflineMachine;
import io.bitforge.roofline.RooflineOptions;
import io.bitforge.roofline.RooflineReport;
import io.bitforge.roofline.RooflineRun;
import io.bitforge.simulation.DiffusionReport;
import io.bitforge.simulation.DiffusionSimulation;
import io.bitforge.simulation.SimulationOutcome;
import io.bitforge.simulation.SimulationReport;
import io.bitforge.simulation.SimulationRun;
import io.bitforge.simulation.SpeculationReport;
import io.bitforge.simulation.gemm.GemmReport;
import io.bitforge.simulation.gemm.GemmSimulation;
import io.bitforge.simulation.reproduce.Reproductions;
import io.bitforge.workloads.diffusion.DiffusionWorkload;
import io.bitforge.workloads.llm.LlmWorkload;
import io.bitforge.workloads.llm.ModelConfig;
import io.bitforge.workloads.llm.WorkloadLookup;
import io.bitforge.workloads.llm.speculative.Speculation;
import io.bitforge.workloads.tensors.DequantizedExport;
import io.bitforge.workloads.tensors.FormatResult;
import io.bitforge.workloads.tensors.QuantStudy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * BitForge as a library: immutable requests in, the result records the command line's JSON is written from out.
 * One instance holds one {@link Registry} (PE families, memories, devices, workloads, hardware presets) and is
 * safe to share. Errors are {@link io.bitforge.core.io.BadInputException}s; those about one request field are
 * {@link BadRequestException}s naming it ({@code batch}, {@code hardware}, {@code quant}).
 *
 * <pre>{@code
 * BitForge bitforge = BitForge.create();
 * SimulationReport report = bitforge.simulate(SimulateRequest.builder()
 *         .hardware("tpu-like-int8").workload("llama-2-7b").quant("W8A8").build());
 * }</pre>
 */
public final class BitForge {
    private final Registry registry;
    private final Consumer<String> notes;

    private BitForge(Registry registry, Consumer<String> notes) {
        this.registry = registry;
        this.notes = notes;
    }

    private BitForge(Registry registry) {
        this(registry, System.err::println);
    }

    /** The same library with deprecation notes (one line each) sent to {@code notes}; standard error by default. */
    public BitForge withNotes(Consumer<String> newNotes) {
        return new BitForge(registry, newNotes);
    }

    /** Every provider on the class path ({@link RegistryContributor}s found by {@link ServiceLoader}). */
    public static BitForge create() {
        return new BitForge(Registry.load());
    }

    /** A registry the caller assembled. */
    public static BitForge of(Registry registry) {
        return new BitForge(registry);
    }

    /**
     * Every provider on the class path plus the caller's own entries (a PE family, a DRAM preset, a workload, a
     * device), added to the same builder so they are found by id like the built-in ones.
     */
    public static BitForge withExtensions(Consumer<Registry.Builder> extensions) {
        Registry.Builder builder = Registry.builder();
        for (RegistryContributor contributor : ServiceLoader.load(RegistryContributor.class,
                BitForge.class.getClassLoader())) {
            contributor.contribute(builder);
        }
        extensions.accept(builder);
        return new BitForge(builder.build());
    }

    public Registry registry() {
        return registry;
    }

    /** A spec file or preset, validated; errors name the field {@code hardware}. */
    public HardwareSpec hardware(HardwareChoice choice) {
        if (choice instanceof HardwareChoice.Given given) {
            return given.spec();
        }
        return new HardwareSpecLoader(registry, notes).resolve(((HardwareChoice.Named) choice).fileOrPreset(),
                "hardware");
    }

    /** A registered workload, a model config file, or the caller's own; errors name the field {@code workload}. */
    public WorkloadFactory workload(WorkloadChoice choice) {
        if (choice instanceof WorkloadChoice.Given given) {
            return given.workload();
        }
        if (choice instanceof WorkloadChoice.ConfigFile file) {
            return WorkloadLookup.resolve(registry, null, file.file());
        }
        return WorkloadLookup.resolve(registry, ((WorkloadChoice.Named) choice).id(), null);
    }

    /** Exactly one of a workload id and a model config file (the other null), as a command line gives them. */
    public WorkloadFactory workload(String id, Path configFile) {
        return WorkloadLookup.resolve(registry, id, configFile);
    }

    /**
     * Any workload on a design: an LLM's prefill and/or decode, or a diffusion model's denoising steps. The one
     * place that dispatches on the workload's kind; a new kind adds its branch here.
     */
    public SimulationOutcome simulateWorkload(SimulateRequest request) {
        HardwareSpec spec = hardware(request.hardware());
        WorkloadFactory workload = workload(request.workload());
        if (workload instanceof DiffusionWorkload diffusion) {
            return runDiffusion(spec, diffusion, request);
        }
        if (workload instanceof LlmWorkload llm) {
            return runLlm(spec, llm, request);
        }
        throw BadRequestException.of("workload", workload.id(), "must be an LLM or a diffusion model for simulate "
                + "(kind " + workload.kind() + " is not supported yet)");
    }

    /** An LLM's prefill and/or decode on a design (the workload must be an LLM). */
    public SimulationReport simulate(SimulateRequest request) {
        HardwareSpec spec = hardware(request.hardware());
        WorkloadFactory workload = workload(request.workload());
        if (!(workload instanceof LlmWorkload llm)) {
            throw BadRequestException.of("workload", workload.id(), "must be an LLM (kind " + workload.kind()
                    + "); simulateDiffusion runs diffusion models");
        }
        return runLlm(spec, llm, request);
    }

    /** A diffusion model's phases on a design (the workload must be a diffusion model). */
    public DiffusionReport simulateDiffusion(SimulateRequest request) {
        HardwareSpec spec = hardware(request.hardware());
        WorkloadFactory workload = workload(request.workload());
        if (!(workload instanceof DiffusionWorkload diffusion)) {
            throw BadRequestException.of("workload", workload.id(), "must be a diffusion model (kind "
                    + workload.kind() + "); simulate runs LLMs");
        }
        return runDiffusion(spec, diffusion, request);
    }

    /**
     * A paper's reproduction through the engine: its JSON document, readable text and headline ratios, and the
     * request's share of the sensitivity analysis (the artefact's choices switched to BitForge's modelling).
     */
    public Reproductions.Outcome reproduce(ReproduceRequest request) {
        if (!Reproductions.PAPERS.contains(request.paper())) {
            throw BadRequestException.of("paper", "'" + request.paper() + "'"
                    + Suggestions.didYouMean(request.paper(), Reproductions.PAPERS), "must be one of "
                    + Reproductions.PAPERS);
        }
        return Reproductions.run(request.paper(), Reproductions.file(request.paper(), request.directory()),
                registry, request.sensitivity());
    }


    /** One GEMM on a design through the engine and its tiled DRAM model (or SCALE-Sim's, in SCALE-Sim mode). */
    public GemmReport gemm(GemmRequest request) {
        HardwareSpec spec = hardware(request.hardware());
        for (String field : List.of("m", "k", "n")) {
            long value = field.equals("m") ? request.m() : field.equals("k") ? request.k() : request.n();
            if (value < 1) {
                throw BadRequestException.of(field, value, "must be > 0");
            }
        }
        OptionalDouble bandwidth = OptionalDouble.empty();
        Double bytesPerCycle = request.bandwidthBytesPerCycle();
        if (bytesPerCycle != null) {
            if (!(bytesPerCycle > 0) || bytesPerCycle.isInfinite()) {
                throw BadRequestException.of("bandwidthBytesPerCycle", bytesPerCycle, "must be > 0");
            }
            if (bytesPerCycle < io.bitforge.core.spec.DramSpec.MIN_BYTES_PER_CYCLE) {
                throw BadRequestException.of("bandwidthBytesPerCycle", bytesPerCycle,
                        io.bitforge.core.spec.DramSpec.BYTES_PER_CYCLE_RANGE);
            }
            if (request.scalesim() && (bytesPerCycle != Math.rint(bytesPerCycle)
                    || bytesPerCycle > Integer.MAX_VALUE)) {
                throw BadRequestException.of("bandwidthBytesPerCycle", bytesPerCycle, "must be a whole number of "
                        + "words per cycle in SCALE-Sim mode (SCALE-Sim's Bandwidth)");
            }
            bandwidth = OptionalDouble.of(bytesPerCycle);
        }
        Mapping mapping = request.mapping();
        if (request.scalesim() && mapping != null && !mapping.withoutDataflow().equals(Mapping.AUTO)) {
            throw BadRequestException.of("mapping", mapping.describe(), "only its dataflow applies in SCALE-Sim "
                    + "mode (SCALE-Sim's own buffers and prefetch decide what DRAM moves)");
        }
        return GemmSimulation.run(registry, spec, mapping, request.m(), request.k(), request.n(), bandwidth,
                request.scalesim(), request.longRunAllowed());
    }

    /**
     * Quantisation error (SQNR, W.X SQNR, bits per element) of each quantizer on the matrices, in order; a study
     * estimated past a minute is refused unless the request allows it.
     */
    public List<FormatResult> quantize(QuantizeRequest request, LongConsumer progress) {
        request.checkWork();
        return new QuantStudy(request.quantizers(), request.tokens(), request.seed(), request.blockElements(),
                progress).run(request.matrices());
    }

    /**
     * Writes each matrix ({@code original/NAME}) and each quantizer's dequantised matrix ({@code FORMAT/NAME}) as F32
     * tensors of the source's shape to a {@code .safetensors} file, so the values can be compared with another
     * implementation. Errors name {@code dequantizedOut}.
     */
    public void writeDequantized(QuantizeRequest request, Path dequantizedOut) {
        if (dequantizedOut == null || dequantizedOut.getFileName() == null
                || !dequantizedOut.getFileName().toString().endsWith(".safetensors")) {
            throw BadRequestException.of("dequantizedOut", dequantizedOut, "must name a .safetensors file");
        }
        refuseOverwritingAnInput(request, dequantizedOut);
        request.checkWork();
        try {
            DequantizedExport.write(dequantizedOut, request.quantizers(), request.matrices(),
                    request.blockElements());
        } catch (UncheckedIOException e) {
            throw new BadRequestException("dequantizedOut", dequantizedOut + " cannot be written: "
                    + e.getCause().getMessage(), e);
        }
    }

    /** The checkpoint is read while the export is written: the same file (by identity, links followed) is refused. */
    private static void refuseOverwritingAnInput(QuantizeRequest request, Path dequantizedOut) {
        if (!Files.exists(dequantizedOut)) {
            return;
        }
        for (var matrix : request.matrices()) {
            Path input = matrix.file().orElse(null);
            try {
                if (input != null && Files.exists(input) && Files.isSameFile(input, dequantizedOut)) {
                    throw new BadRequestException("dequantizedOut", dequantizedOut + " is the input file " + input
                            + " (tensor " + matrix.name() + "); writing it would destroy the checkpoint being read, "
                            + "choose another file");
                }
            } catch (IOException e) {
                throw new BadRequestException("dequantizedOut", dequantizedOut + " cannot be compared with the input "
                        + input + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A SCALE-Sim v2 config and topology through BitForge's SCALE-Sim compatibility model, layer by layer. Errors
     * name {@code scalesimConfig} or {@code topology} (missing files, no topology given or in the config).
     */
    public ScaleSimReport scaleSim(ScaleSimRequest request) {
        Path configPath = request.scalesimConfig();
        requireFile("scalesimConfig", configPath);
        ScaleSimConfig config = ScaleSimConfigParser.parse(configPath);
        Path topologyPath;
        if (request.topology() != null) {
            topologyPath = request.topology();
        } else if (config.topologyPath().isPresent()) {
            Path fromConfig = Path.of(config.topologyPath().get());
            Path folder = configPath.toAbsolutePath().getParent();
            topologyPath = fromConfig.isAbsolute() || folder == null ? fromConfig : folder.resolve(fromConfig);
        } else {
            throw new BadRequestException("topology", "missing; give a SCALE-Sim topology CSV (the config "
                    + configPath.getFileName() + " has no [network_presets] TopologyCsvLoc)");
        }
        requireFile("topology", topologyPath);
        List<TopologyLayer> layers = TopologyParser.parse(topologyPath);
        return new ScaleSimReport(config, configPath, topologyPath, layers,
                ScaleSimRun.run(config, layers, request.longRunAllowed()));
    }

    private static void requireFile(String field, Path path) {
        if (!Files.isRegularFile(path)) {
            throw new BadRequestException(field, "no such file: " + path);
        }
    }

    /**
     * One weight matrix programmed into a reram design's crossbars and read out by each SAR-ADC scheme: comparator
     * cycles, ADC energy reduction and output SQNR. Errors name {@code hardware} (not a reram design),
     * {@code tokens} or {@code weights}.
     */
    public AdcStudyReport adcStudy(AdcStudyRequest request) {
        return AdcStudyRun.run(hardware(request.hardware()), request);
    }

    /**
     * The machine a roofline request names: a real device or a simulated design (its roofs from its PE family);
     * errors name {@code device} or {@code hardware}.
     */
    public RooflineMachine rooflineMachine(RooflineRequest request) {
        return RooflineStudy.machine(this, request);
    }

    /** A workload's ops against the roofs of a device or a design: per op ops, bytes, bound and time; totals. */
    public RooflineReport roofline(RooflineRequest request) {
        RooflineMachine machine = rooflineMachine(request);
        WorkloadSettings settings = RooflineStudy.settings(request);
        RooflineOptions options = RooflineStudy.options(request, machine);
        WorkloadFactory workload = workload(request.workload());
        WorkloadLookup.warnings(workload, settings).forEach(notes);
        return RooflineRun.run(workload, settings, machine, options);
    }

    /** A design-space exploration (grid, random or NSGA-II), its results written to the request's directory. */
    public ExploreSummary explore(ExploreRequest request, ExploreProgress progress) {
        checkExploreMapping(request);
        return new Explorer(registry).run(request, progress);
    }

    /**
     * The same exploration with its designs scored by {@code engine} (e.g. a Spark cluster); the store, front and
     * summary are written here as for an in-process run.
     */
    public ExploreSummary explore(ExploreRequest request, ExploreProgress progress, ScoringEngine engine) {
        checkExploreMapping(request);
        return new Explorer(registry).run(request, progress, engine);
    }

    private static void checkExploreMapping(ExploreRequest request) {
        if (request.mapping() != null && request.mapping().dataflow().isPresent()) {
            throw BadRequestException.of("mapping", request.mapping().describe(), "must not choose the dataflow "
                    + "in an exploration: each design's dataflow is a field of the space (dataflow)");
        }
    }

    private SimulationReport runLlm(HardwareSpec spec, LlmWorkload llm, SimulateRequest request) {
        String diffusionOnly = request.diffusionOnlyField();
        if (diffusionOnly != null) {
            throw BadRequestException.of(diffusionOnly, llm.id(), "only applies to diffusion workloads (sd-1.5, "
                    + "sdxl, dit-xl-2, pixart-alpha or a diffusers config)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("attention", request.attention());
        options.put("lmHead", request.lmHead());
        WorkloadSettings settings = new WorkloadSettings(request.phase(), request.batch(), request.prompt(),
                request.context(), request.generate(), "native", 0, 0, false,
                WorkloadLookup.withLongContext(options, request.allowLongContext()));
        WorkloadLookup.warnings(llm, settings).forEach(notes);
        return SimulationRun.run(registry, spec, request.mapping(), llm, settings, request.quant());
    }

    /**
     * A speculative decode step (Medusa or a draft model) against a plain one on the request's design, with the
     * quantisation and builder options {@code report} (the same request's LLM simulation) used.
     */
    public SpeculationReport speculate(SimulateRequest request, SimulationReport report, Speculation speculation) {
        HardwareSpec spec = hardware(request.hardware());
        WorkloadFactory workload = workload(request.workload());
        if (!(workload instanceof LlmWorkload llm)) {
            throw BadRequestException.of("workload", workload.id(), "must be an LLM for speculative decoding");
        }
        return SpeculationReport.of(registry, spec, request.mapping(), llm, report, speculation);
    }

    /**
     * The speculation scheme a request describes, checked (errors name {@code speculative}, {@code acceptance},
     * {@code medusaHeads}, {@code treeTokens}, {@code draftModel}, {@code draftTokens}); a draft model is
     * resolved like a workload, by zoo id or config file.
     */
    public Speculation speculation(SpeculationRequest request) {
        ModelConfig draft = null;
        if ("draft".equals(request.speculative()) && request.draftModel() != null) {
            Path file = Path.of(request.draftModel());
            WorkloadFactory factory;
            try {
                factory = Files.isRegularFile(file) ? WorkloadLookup.resolve(registry, null, file)
                        : WorkloadLookup.resolve(registry, request.draftModel(), null);
            } catch (BadRequestException e) {
                throw new BadRequestException("draftModel", e.detail(), e);
            }
            if (!(factory instanceof LlmWorkload llm)) {
                throw BadRequestException.of("draftModel", request.draftModel(), "must be an LLM");
            }
            draft = llm.model();
        }
        return Speculation.of(request.speculative(), request.medusaHeads(), request.treeTokens(),
                request.acceptance(), draft, request.draftTokens());
    }

    private DiffusionReport runDiffusion(HardwareSpec spec, DiffusionWorkload model, SimulateRequest request) {
        int steps = request.steps() == null ? DiffusionSimulation.DEFAULT_STEPS : request.steps();
        int resolution = request.resolution() == null ? model.nativeResolution() : request.resolution();
        WorkloadSettings settings = new WorkloadSettings("both", request.batch(), 0, 0, 0, "native", steps,
                resolution, request.guidance(), DiffusionSimulation.options(request.textEncoder(),
                request.vaeDecoder(), request.svdquantRank()));
        return DiffusionSimulation.run(registry, spec, request.mapping(), model, settings, request.quant());
    }
}
