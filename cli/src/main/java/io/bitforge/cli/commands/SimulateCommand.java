package io.bitforge.cli.commands;

import io.bitforge.cli.CliContext;
import io.bitforge.cli.VersionProvider;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.cli.simulate.DiffusionOptions;
import io.bitforge.cli.simulate.DiffusionReport;
import io.bitforge.workloads.cost.DramFigures;
import io.bitforge.cli.simulate.OpResult;
import io.bitforge.cli.simulate.PhaseResult;
import io.bitforge.cli.simulate.SimulationReport;
import io.bitforge.cli.simulate.SimulationRun;
import io.bitforge.cli.simulate.Simulator;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.reports.chart.CostBreakdowns;
import io.bitforge.reports.results.ResultsWriter;
import io.bitforge.workloads.diffusion.DiffusionQuant;
import io.bitforge.workloads.diffusion.DiffusionWorkload;
import io.bitforge.workloads.llm.LlmWorkload;
import io.bitforge.workloads.llm.WorkloadLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bitforge simulate}: an LLM workload's prefill and/or decode on a simulated design, op by op through the
 * engine, with latency, time to first token, time per output token, tokens per second, energy by category,
 * utilisation and the bound of every op, and whether weights, KV cache and activations fit in DRAM.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate an LLM's prefill and decode, or a diffusion model's denoising steps, on a hardware "
                + "design, op by op.")
public final class SimulateCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--hw", required = true, paramLabel = "FILE|PRESET", description = "Hardware spec file or preset.")
    String hardware;

    @Option(names = "--workload", paramLabel = "NAME", description = "A workload id (bitforge list workloads).")
    String workload;

    @Option(names = "--model-config", paramLabel = "FILE", description = "A Hugging Face config.json instead.")
    Path modelConfig;

    @Option(names = "--phase", defaultValue = "both", paramLabel = "prefill|decode|both",
            description = "Phases to simulate (default: ${DEFAULT-VALUE}); both decodes from the prompt.")
    String phase;

    @Option(names = "--batch", defaultValue = "1", description = "Sequences processed together (default: 1).")
    int batch;

    @Option(names = "--prompt", defaultValue = "1024", description = "Prefill tokens per sequence (default: 1024).")
    int prompt;

    @Option(names = "--context", defaultValue = "1024",
            description = "Cached tokens when decode starts, for --phase decode (default: 1024).")
    int decodeContext;

    @Option(names = "--generate", defaultValue = "256", description = "Decode steps (default: 256).")
    int generate;

    @Option(names = "--quant", paramLabel = "Q", description = "Quantisation, e.g. W4A8KV4g128, W4A16, "
            + "W4:bitmod-fp4,A8:int8 (default: the array's native formats).")
    String quant;

    @Option(names = "--attention", defaultValue = "full", paramLabel = "full|causal",
            description = "Prefill attention: the full rectangle (default) or causal blocks.")
    String attention;

    @Option(names = "--lm-head", defaultValue = "last", paramLabel = "last|all",
            description = "Prefill lm_head on the last token of each sequence (default) or all tokens.")
    String lmHead;

    @Option(names = "--explain", description = "Show each GEMM's mapping onto the array and why.")
    boolean explain;

    @Mixin
    DiffusionOptions diffusion = new DiffusionOptions();

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the full result as JSON (- is stdout).")
    String json;

    @Option(names = "--csv", paramLabel = "FILE|-", description = "Write one row per op as CSV (- is stdout).")
    String csv;

    @Option(names = "--out", paramLabel = "DIR", description = "Write a results directory: manifest.json, "
            + "simulate.json and simulate.csv.")
    Path out;

    public SimulateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        HardwareSpec spec = new HardwareSpecLoader(context.registry()).resolve(hardware, "--hw");
        WorkloadFactory factory = WorkloadLookup.resolve(context.registry(), workload, modelConfig);
        if (factory instanceof DiffusionWorkload model) {
            return simulateDiffusion(spec, model);
        }
        diffusion.rejectForLlm(factory.id());
        if (!(factory instanceof LlmWorkload llm)) {
            throw BadInputException.field(null, "--workload", factory.id(), "must be an LLM for simulate (kind "
                    + factory.kind() + " is not supported yet)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("attention", attention);
        options.put("lmHead", lmHead);
        WorkloadSettings settings = new WorkloadSettings(phase, batch, prompt, decodeContext, generate,
                "native", 0, 0, false, options);
        SimulationReport report = SimulationRun.run(context.registry(), spec, llm, settings, quant);
        if (json != null) {
            OutputTarget.write("--json", json, Json.write(report.asMap(explain)), context.out());
        }
        if (out != null) {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("hardware", spec.asMap());
            given.put("workload", llm.id());
            given.put("settings", settings);
            given.put("quant", quant == null ? "native" : quant);
            ResultsWriter.create(out, "--out")
                    .json("simulate.json", "the simulation: summary, capacity, every op of every phase",
                            report.asMap(explain))
                    .csv("simulate.csv", "one row per op", report.csv())
                    .chart("energy", "energy by category per op kind, both phases (log scale)",
                            CostBreakdowns.energyByCategory(llm.id() + " on " + spec.name() + ": energy by op kind", "op kind",
                                    energyByKind(report)).chart(), 1000, 700)
                    .finish("simulate", VersionProvider.version(), given, null);
        }
        if (csv != null) {
            OutputTarget.write("--csv", csv, report.csv(), context.out());
        }
        if (json == null && csv == null) {
            context.out().print(report.text(explain));
        }
        return 0;
    }

    /** A diffusion workload: its phases through the same simulator; without --quant every layer kind runs at
     *  the array's native formats. */
    private int simulateDiffusion(HardwareSpec spec, DiffusionWorkload model) {
        Engine engine = SimulationRun.engine(context.registry(), spec);
        DramFigures dram = DramFigures.of(spec, context.registry());
        NativePrecisions natives = engine.family().nativePrecisions(spec.pe().params());
        String quantText = quant != null ? quant : DiffusionQuant.uniformText(natives.weights(), natives.activations());
        WorkloadSettings settings = new WorkloadSettings("both", batch, 0, 0, 0, quantText, diffusion.steps(),
                diffusion.resolution(model), diffusion.guidance(), diffusion.workloadOptions());
        DiffusionReport report = DiffusionReport.simulate(new Simulator(engine, dram), spec, dram, model, settings);
        if (json != null) {
            OutputTarget.write("--json", json, Json.write(report.asMap()), context.out());
        }
        if (csv != null) {
            OutputTarget.write("--csv", csv, report.csv(), context.out());
        }
        if (json == null && csv == null) {
            context.out().print(report.text());
        }
        return 0;
    }


    /** Every op's cost (DRAM floor energy included) summed per op kind over the phases, in first-seen order. */
    private static List<CostBreakdowns.Labelled> energyByKind(SimulationReport report) {
        Map<String, CostReport> byKind = new LinkedHashMap<>();
        for (PhaseResult phase : report.phases()) {
            for (OpResult op : phase.ops()) {
                byKind.merge(op.op().kind().name().toLowerCase(Locale.ROOT), op.cost(), CostReport::plus);
            }
        }
        List<CostBreakdowns.Labelled> labelled = new ArrayList<>();
        byKind.forEach((kind, cost) -> labelled.add(new CostBreakdowns.Labelled(kind, cost)));
        return labelled;
    }
}
