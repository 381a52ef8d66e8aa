package io.bitforge.api;

import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.Quantizer;
import io.bitforge.workloads.tensors.MatrixSource;
import io.bitforge.workloads.tensors.SafetensorsFile;
import io.bitforge.workloads.tensors.TensorInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** BitForge.writeDequantized: the source and each format's values, back from the file with the source's shape. */
class WriteDequantizedTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSourceAndTheDequantisedValuesInTheSourceShape() {
        // Row absmax 127 gives int8 a scale of 127/127 = 1, so every whole value from -127 to 127 comes back
        // unchanged and 2.4 rounds to 2 (by hand).
        float[] values = {127f, -127f, 0f, 2.4f, 1f, 2f, 3f, 127f};
        MatrixSource matrix = MatrixSource.of("w", 2, 4, values);
        Path file = dir.resolve("dq.safetensors");
        BitForge.create().writeDequantized(QuantizeRequest.of(List.of(Quantizer.builder(NumberFormats.parse("int8"))
                .build()), List.of(matrix), 0, 1), file);
        SafetensorsFile back = SafetensorsFile.open(file);
        assertEquals(List.of("int8/w", "original/w"), back.tensors().stream().map(TensorInfo::name).sorted().toList());
        for (TensorInfo t : back.tensors()) {
            assertEquals(List.of(2L, 4L), t.shape(), t.name());
        }
        float[] original = new float[8];
        SafetensorsFile.read(back.tensor("original/w"), 0, original, 8);
        assertArrayEquals(values, original);
        float[] restored = new float[8];
        SafetensorsFile.read(back.tensor("int8/w"), 0, restored, 8);
        assertArrayEquals(new float[] {127f, -127f, 0f, 2f, 1f, 2f, 3f, 127f}, restored);
    }

    @Test
    void aFileThatIsNotSafetensorsIsRefusedNamingTheField() {
        BadRequestException e = assertThrows(BadRequestException.class, () -> BitForge.create().writeDequantized(
                QuantizeRequest.of(List.of(Quantizer.builder(NumberFormats.parse("int8")).build()),
                        List.of(MatrixSource.of("w", 1, 2, new float[] {1f, 2f})), 0, 1), dir.resolve("dq.bin")));
        assertEquals("dequantizedOut", e.field());
    }
}
