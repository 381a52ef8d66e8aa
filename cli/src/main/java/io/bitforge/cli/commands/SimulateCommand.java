package io.bitforge.cli.commands;

import io.bitforge.api.HardwareChoice;
import io.bitforge.api.SimulateRequest;
import io.bitforge.api.WorkloadChoice;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.VersionProvider;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.cli.simulate.DiffusionOptions;
import io.bitforge.cli.simulate.SpeculationOptions;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.MappingLoader;
import io.bitforge.core.io.Json;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.reports.chart.CostBreakdowns;
import io.bitforge.reports.results.ResultsWriter;
import io.bitforge.simulation.OpResult;
import io.bitforge.simulation.PhaseResult;
import io.bitforge.simulation.SimulationOutcome;
import io.bitforge.simulation.SimulationReport;
import io.bitforge.simulation.SpeculationReport;
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

    @Option(names = "--allow-long-context", description = "Run past the model's context limit (with a warning).")
    boolean allowLongContext;

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

    @Option(names = "--mapping", paramLabel = "FILE", description = "A mapping file: {tileM, tileK, tileN, "
            + "loopOrder, dataflow, cycleModel}, each optional (default: the tiler chooses).")
    Path mapping;

    @Mixin
    DiffusionOptions diffusion = new DiffusionOptions();

    @Mixin
    SpeculationOptions speculation = new SpeculationOptions();

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
        speculation.refuseUnused();
        io.bitforge.api.BitForge library = context.library();
        HardwareSpec spec = library.hardware(HardwareChoice.named(hardware));
        WorkloadFactory factory = library.workload(workload, modelConfig);
        SimulateRequest.Builder request = SimulateRequest.builder().hardware(spec).workload(WorkloadChoice.of(factory))
                .phase(phase).batch(batch).prompt(prompt).context(decodeContext).generate(generate).quant(quant)
                .attention(attention).lmHead(lmHead).allowLongContext(allowLongContext).mapping(mapping == null ? null : MappingLoader.load(mapping));
        diffusion.applyTo(request);
        SimulationOutcome outcome = library.simulateWorkload(request.build());
        SpeculationReport speculative = null;
        if (speculation.enabled() && outcome instanceof SimulationReport llmReport) {
            speculative = library.speculate(request.build(), llmReport,
                    library.speculation(speculation.request()));
        }
        if (json != null) {
            Map<String, Object> map = new LinkedHashMap<>(outcome.asMap(explain));
            if (speculative != null) {
                map.put("speculation", speculative.asMap());
            }
            OutputTarget.write("--json", json, Json.write(map), context.out());
        }
        if (out != null && outcome instanceof SimulationReport report) {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("hardware", spec.asMap());
            given.put("workload", factory.id());
            given.put("settings", report.settings().withQuant("native"));
            given.put("quant", quant == null ? "native" : quant);
            ResultsWriter.create(out, "--out")
                    .json("simulate.json", "the simulation: summary, capacity, every op of every phase",
                            report.asMap(explain))
                    .csv("simulate.csv", "one row per op", report.csv())
                    .chart("energy", "energy by category per op kind, both phases (log scale)",
                            CostBreakdowns.energyByCategory(factory.id() + " on " + spec.name()
                                    + ": energy by op kind", "op kind", energyByKind(report)).chart(), 1000, 700)
                    .finish("simulate", VersionProvider.version(), given, null);
        }
        if (csv != null) {
            OutputTarget.write("--csv", csv, outcome.csv(), context.out());
        }
        if (json == null && csv == null) {
            context.out().print(outcome.text(explain));
            if (speculative != null) {
                context.out().print(speculative.text(spec));
            }
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
