package io.bitforge.workloads.tensors;

import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.Quantizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DequantizedExportTest {
    @TempDir
    Path dir;

    @Test
    void writesTheOriginalAndEachReconstructionInTheSourceShapeBlockByBlock() {
        float[] w = SyntheticTensors.llmOutliers(6, 8, 3, 0.25, 20);
        MatrixSource matrix = MatrixSource.of("w", 6, 8, w);
        List<Quantizer> quantizers = List.of(Quantizer.builder(NumberFormats.parse("int4")).groupSize(4).build(),
                Quantizer.builder(NumberFormats.OVP_INT4).granularity(Granularity.TENSOR).build());
        Path file = dir.resolve("dq.safetensors");
        // 16 values per block: channel/group quantisers see two rows at a time, the per-tensor one all six.
        DequantizedExport.write(file, quantizers, List.of(matrix), 16);

        SafetensorsFile back = SafetensorsFile.open(file);
        assertEquals(List.of("int4/w", "original/w", "ovp-int4/w"),
                back.tensors().stream().map(TensorInfo::name).sorted().toList());
        for (TensorInfo t : back.tensors()) {
            assertEquals(List.of(6L, 8L), t.shape(), t.name());
            assertEquals(DType.F32, t.dtype());
        }
        assertArrayEquals(w, read(back.tensor("original/w")));
        for (Quantizer q : quantizers) {
            assertArrayEquals(q.quantize(w, 6, 8).dequantize(), read(back.tensor(q.format().id() + "/w")),
                    q.format().id());
        }
    }

    private static float[] read(TensorInfo t) {
        float[] values = new float[(int) t.elementCount()];
        SafetensorsFile.read(t, 0, values, values.length);
        return values;
    }
}
