package io.bitforge.cli.commands;

import io.bitforge.api.AdcStudyReport;
import io.bitforge.api.AdcStudyRequest;
import io.bitforge.api.HardwareChoice;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.VersionProvider;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.pe.reram.AdcStudy;
import io.bitforge.reports.results.ResultsWriter;
import io.bitforge.workloads.tensors.MatrixSource;
import io.bitforge.workloads.tensors.NonFinitePolicy;
import io.bitforge.workloads.tensors.SafetensorsCheckpoint;
import io.bitforge.workloads.tensors.SyntheticTensors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bitforge adc-study}: programs one weight matrix into the crossbars of a {@code reram} design and reports,
 * per SAR-ADC scheme (full, skip, two-interval), the mean comparator cycles per conversion, the ADC energy reduction
 * against full conversion and the output SQNR against the exact integer product.
 */
@Command(name = "adc-study", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure SAR-ADC bit skipping and two-interval coding of a ReRAM design on real or synthetic "
                + "weights: comparator cycles, ADC energy reduction and output SQNR per scheme.")
public final class AdcStudyCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--safetensors", paramLabel = "FILE", description = "A .safetensors file, index or folder.")
    Path safetensors;

    @Option(names = "--tensor", paramLabel = "NAME", description = "The weight tensor to program ([outputs, inputs]).")
    String tensor;

    @Option(names = "--synthetic", paramLabel = "gaussian|llm-outliers", description = "Generate the weights instead.")
    String synthetic;

    @Option(names = "--rows", paramLabel = "R", defaultValue = "256",
            description = "Synthetic output rows (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--cols", paramLabel = "C", defaultValue = "512",
            description = "Synthetic input columns, the reduction (default ${DEFAULT-VALUE}).")
    int cols;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the synthetic weights and the activations (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tokens", paramLabel = "T", defaultValue = "4",
            description = "Seeded activation vectors to multiply (default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--hw", paramLabel = "FILE|PRESET",
            description = "A reram hardware spec or preset (default " + AdcStudyRequest.DEFAULT_PRESET + ").")
    String hardware;

    @Option(names = "--non-finite", paramLabel = "error|skip|clamp", defaultValue = "error",
            description = "NaN/Infinity in the weights: refuse naming the first one, read it as 0, or clamp it to "
                    + "the row's largest finite magnitude (default ${DEFAULT-VALUE}).")
    String nonFinite;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write JSON (- is stdout).")
    String json;

    @Option(names = "--out", paramLabel = "DIR", description = "Write a results directory: manifest.json and "
            + "adc-study.json.")
    Path out;

    public AdcStudyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NonFinitePolicy policy = NonFinitePolicy.of("--non-finite", nonFinite);
        Map<String, Object> source = new LinkedHashMap<>();
        MatrixSource matrix = policy.applyTo(matrix(source));
        AdcStudyReport report = context.library().adcStudy(new AdcStudyRequest(
                HardwareChoice.named(hardware == null ? AdcStudyRequest.DEFAULT_PRESET : hardware), matrix, source,
                tokens, seed));
        AdcStudy.Result result = report.result();
        HardwareSpec spec = report.spec();
        int outputs = report.outputs();
        int inputs = report.inputs();
        Map<String, Object> document = report.asMap();
        OutputTarget.write("--json", json, Json.write(document), context.out());
        if (out != null) {
            Map<String, Object> given = new LinkedHashMap<>(document);
            given.remove("schemes");
            ResultsWriter.create(out, "--out")
                    .json("adc-study.json", "per ADC scheme: comparator cycles, energy reduction, error", document)
                    .finish("adc-study", VersionProvider.version(), given, seed);
        }
        if (json == null) {
            context.out().print(table(result));
            context.out().printf(Locale.ROOT, "%s (%s): %d-bit SAR-ADC, %d bits lossless; %dx%d weights, %d activation "
                            + "vectors, %d conversions per scheme%n", spec.name(), spec.node().id(), result.adcBits(),
                    result.requiredAdcBits(), outputs, inputs, tokens, result.conversions());
            context.out().printf(Locale.ROOT, "skip from the stored weights alone: %.4f comparator cycles per "
                    + "conversion (pe.params.expectedComparatorCycles for the engine)%n", result.offlineSkipCycles());
        }
        return 0;
    }

    private MatrixSource matrix(Map<String, Object> source) {
        if ((safetensors == null) == (synthetic == null)) {
            throw new BadInputException("adc-study: give exactly one of --safetensors FILE --tensor NAME or "
                    + "--synthetic gaussian|llm-outliers");
        }
        if (safetensors != null) {
            if (tensor == null) {
                throw new BadInputException("--safetensors " + safetensors + ": give --tensor NAME");
            }
            MatrixSource m = MatrixSource.of(SafetensorsCheckpoint.open(safetensors).tensor(tensor));
            source.put("safetensors", safetensors.toString());
            source.put("tensor", tensor);
            return m;
        }
        return SyntheticMatrices.of(synthetic, rows, cols, seed, SyntheticTensors.DEFAULT_OUTLIER_FRACTION,
                SyntheticTensors.DEFAULT_OUTLIER_RATIO, source);
    }

    private static String table(AdcStudy.Result result) {
        TextTable table = new TextTable(List.of("scheme", "comparator cycles", "ADC energy reduction", "ADC energy",
                "output SQNR", "max |err|")).fixedQuantity(1, "").fixedQuantity(2, "×").quantity(3, "J/conv")
                .fixedQuantity(4, "dB");
        for (AdcStudy.SchemeResult r : result.schemes()) {
            // An exact readout has no SQNR: the cell says "exact" (a quantity column shows infinity as ∞).
            table.row(List.of(r.scheme().id(), r.meanComparatorCycles(), r.energyReduction(),
                    r.picojoulesPerConversion() * 1e-12,
                    Double.isInfinite(r.sqnrDecibels()) ? "" : (Object) r.sqnrDecibels(),
                    String.format(Locale.ROOT, "%.0f", r.maxAbsError())));
        }
        String text = table.toString();
        return result.schemes().stream().anyMatch(r -> Double.isInfinite(r.sqnrDecibels()))
                ? text + "(an empty output SQNR: the readout is exact)\n" : text;
    }
}
