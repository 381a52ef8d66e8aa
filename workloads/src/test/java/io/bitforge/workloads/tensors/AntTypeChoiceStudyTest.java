package io.bitforge.workloads.tensors;

import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.Quantizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ant4 chooses one type per tensor even when the study and the export read a tensor in blocks of rows. */
class AntTypeChoiceStudyTest {
    // Row 0 lies on the int4 grid (−7..7), row 1 on the pot4 grid (0, ±1, ±2, …, ±64): a choice per row would make
    // both exact; no one of int4, flint4, pot4 holds both rows, so one choice per tensor leaves an error.
    private static final float[] MIXED = {7, -6, 5, -4, 3, -2, 1, 0, 64, -32, 16, 1, -2, 4, 8, 0};
    private static final Quantizer ANT4 = Quantizer.builder(NumberFormats.ANT4).build();

    @TempDir
    Path dir;

    @Test
    void theStudyChoosesOncePerTensorWithBlocksOfOneRow() {
        MatrixSource m = MatrixSource.of("w", 2, 8, MIXED);
        FormatResult rowBlocks = new QuantStudy(List.of(ANT4), 0, 1, 8, n -> { }).run(List.of(m)).get(0);
        FormatResult oneBlock = new QuantStudy(List.of(ANT4), 0, 1, 1024, n -> { }).run(List.of(m)).get(0);
        assertEquals("ant4", rowBlocks.format());
        assertTrue(rowBlocks.mse() > 0);
        assertEquals(oneBlock.mse(), rowBlocks.mse());
        assertEquals(1L, rowBlocks.choiceCounts().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void theExportWritesTheWholeTensorsChoice() {
        Path file = dir.resolve("dq.safetensors");
        DequantizedExport.write(file, List.of(ANT4), List.of(MatrixSource.of("w", 2, 8, MIXED)), 8);
        TensorInfo t = SafetensorsFile.open(file).tensor("ant4/w");
        float[] back = new float[16];
        SafetensorsFile.read(t, 0, back, 16);
        assertArrayEquals(ANT4.quantize(MIXED, 2, 8).dequantize(), back);
    }
}
