package io.bitforge.workloads.tensors;

import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.ErrorAccumulator;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.Quantizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paper quantisers against an independent implementation of the references (scripts/reference_quantizers.py,
 * written in NumPy from ANT's and OliVe's quant_modules.py and quant_kernel.cu and ShiftAddLLM's bcq.py and
 * bcq_shift.py): the fixture holds a seeded 32×256 llm-outliers matrix (seed 7, 2% outlier channels at 20×) and
 * what the references make of it, per channel for ANT and OliVe, in groups of 128 for binary coding (5 rounds).
 * The acceptance bar: the same level for at least 99.9% of the elements.
 */
class PaperQuantizersMatchReferenceTest {
    private static final String FIXTURE = "/reference-quantizers/llm-outliers-32x256-seed7.safetensors";

    @ParameterizedTest
    @ValueSource(strings = {"flint4/channel", "pot4/channel", "ovp-int4/channel", "ovp-flint4/channel",
            "ovp-int8/channel", "bcq2/group128", "bcq3/group128", "bcq4/group128", "bcq3-pot/group128"})
    void sameLevelAsTheReferenceForAtLeast999PerMille(String tensor) throws URISyntaxException {
        SafetensorsFile file = SafetensorsFile.open(Path.of(getClass().getResource(FIXTURE).toURI()));
        TensorInfo original = file.tensor("original");
        int rows = (int) original.rows();
        int cols = (int) original.cols();
        float[] x = read(original);
        float[] reference = read(file.tensor(tensor));
        String[] parts = tensor.split("/");
        Quantizer.Builder builder = Quantizer.builder(NumberFormats.parse(parts[0]));
        if (parts[1].equals("channel")) {
            builder.granularity(Granularity.CHANNEL);
        } else {
            builder.groupSize(Integer.parseInt(parts[1].substring("group".length())));
        }
        float[] ours = builder.build().quantize(x, rows, cols).dequantize();
        int same = 0;
        for (int r = 0; r < rows; r++) {
            double rowMax = 0;
            for (int c = 0; c < cols; c++) {
                rowMax = Math.max(rowMax, Math.abs(x[r * cols + c]));
            }
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                // The reference computes in float32: a level agrees to its rounding, far below any level gap.
                if (Math.abs(ours[i] - reference[i]) <= 1e-5 * rowMax) {
                    same++;
                }
            }
        }
        double share = same / (double) x.length;
        assertTrue(share >= 0.999, tensor + ": same level for " + same + " of " + x.length);
        double oursSqnr = new ErrorAccumulator().add(x, ours, 0, x.length).result().sqnrDecibels();
        double referenceSqnr = new ErrorAccumulator().add(x, reference, 0, x.length).result().sqnrDecibels();
        assertEquals(referenceSqnr, oursSqnr, 0.01, tensor + " SQNR");
    }

    private static float[] read(TensorInfo t) {
        float[] values = new float[(int) t.elementCount()];
        SafetensorsFile.read(t, 0, values, values.length);
        return values;
    }
}
