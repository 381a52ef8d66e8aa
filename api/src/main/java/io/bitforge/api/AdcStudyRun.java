package io.bitforge.api;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.pe.reram.AdcStudy;
import io.bitforge.pe.reram.ReramParams;
import io.bitforge.workloads.tensors.MatrixSource;

import java.util.Locale;

/** The checks and steps of {@link BitForge#adcStudy}: a reram design, weights that fit the heap, the study itself. */
final class AdcStudyRun {
    private AdcStudyRun() {
    }

    static AdcStudyReport run(HardwareSpec spec, AdcStudyRequest request) {
        if (!(spec.pe().params() instanceof ReramParams params)) {
            String named = request.hardware() instanceof HardwareChoice.Named n ? n.fileOrPreset() : spec.name();
            throw BadRequestException.of("hardware", "'" + named + "'", "must be a reram design (pe.family: reram; "
                    + "this one is " + spec.pe().family() + ")");
        }
        MatrixSource matrix = request.weights();
        if (matrix.rows() * matrix.cols() == 0) {
            throw new BadInputException(request.source().getOrDefault("tensor", "the weights") + ": has no values; "
                    + "nothing to program into the crossbars");
        }
        if (matrix.rows() * matrix.cols() > Integer.MAX_VALUE - 8) {
            throw BadRequestException.of("weights", matrix.rows() + " x " + matrix.cols(), "must have fewer than "
                    + "2^31 values");
        }
        int tokens = request.tokens();
        // the weights as floats and ints plus the activations as longs must fit the heap, with room to spare
        double heapBytes = 8.0 * matrix.rows() * matrix.cols() + 8.0 * tokens * matrix.cols();
        if (heapBytes > Runtime.getRuntime().maxMemory() / 2.0) {
            throw new BadInputException(String.format(Locale.ROOT, "adc-study: %d x %d weights with %d activation "
                    + "vectors need about %.1f GiB, more than half the %.1f GiB heap; choose a smaller tensor or "
                    + "fewer tokens", matrix.rows(), matrix.cols(), tokens, heapBytes / (1L << 30),
                    Runtime.getRuntime().maxMemory() / (double) (1L << 30)));
        }
        int outputs = Math.toIntExact(matrix.rows());
        int inputs = Math.toIntExact(matrix.cols());
        float[] values = new float[Math.multiplyExact(outputs, inputs)];
        matrix.readRows(0, outputs, values);
        int[][] weights = AdcStudy.quantiseWeights(params, values, outputs, inputs);
        long[][] x = AdcStudy.activations(params, inputs, tokens, request.seed());
        AdcStudy.Result result = AdcStudy.run(params, weights, x, spec.node());
        return new AdcStudyReport(spec, request.source(), outputs, inputs, tokens, request.seed(), result);
    }
}
