package io.bitforge.workloads.tensors;

import io.bitforge.core.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void readsAFileBuiltByHandFromTheSpecification() throws IOException {
        // huggingface/safetensors README: u64 little-endian header size N, N bytes of JSON, then the data.
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"w\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"I8\",\"shape\":[3],\"data_offsets\":[8,11]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + 11).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json);
        // F16 1.0 = 0x3C00, −2.0 = 0xC000, 65504 = 0x7BFF, 2^-24 = 0x0001 (IEEE binary16 bit patterns)
        file.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x7BFF).putShort((short) 0x0001);
        file.put((byte) -128).put((byte) 0).put((byte) 127);
        Path path = dir.resolve("hand.safetensors");
        Files.write(path, file.array());

        SafetensorsFile f = SafetensorsFile.open(path);
        assertEquals(List.of("b", "w"), f.tensors().stream().map(TensorInfo::name).toList());
        TensorInfo w = f.tensor("w");
        assertEquals(DType.F16, w.dtype());
        assertEquals(2, w.rows());
        assertEquals(2, w.cols());
        float[] values = new float[4];
        SafetensorsFile.read(w, 0, values, 4);
        assertArrayEquals(new float[] {1f, -2f, 65504f, (float) Math.scalb(1.0, -24)}, values);
        float[] bytes = new float[3];
        SafetensorsFile.read(f.tensor("b"), 0, bytes, 3);
        assertArrayEquals(new float[] {-128, 0, 127}, bytes);
        float[] middle = new float[2];
        SafetensorsFile.read(w, 1, middle, 2);
        assertArrayEquals(new float[] {-2f, 65504f}, middle);
    }

    @Test
    void everyDtypeRoundTripsExactlyIncludingEdgeValues() {
        float inf = Float.POSITIVE_INFINITY;
        // binary16: max 65504, min normal 2^-14, min subnormal 2^-24, signed zero, infinities.
        float[] f16 = {0f, -0f, 1f, -1.5f, 65504f, -65504f, (float) Math.scalb(1.0, -14), (float) Math.scalb(1.0, -24),
                inf, -inf, 0.333251953125f, 1023.5f};
        // bfloat16: max 0x7F7F = 3.3895314e38, min subnormal 2^-133, signed zero, infinities.
        float[] bf16 = {0f, -0f, 1f, -3f, Float.intBitsToFloat(0x7F7F0000), (float) Math.scalb(1.0, -133),
                (float) Math.scalb(1.0, -126), inf, -inf, 1.0078125f, Float.intBitsToFloat(0xA0000000),
                Float.intBitsToFloat(0x3EAB0000)};
        Random random = new Random(3);
        float[] f32 = new float[12];
        for (int i = 0; i < f32.length; i++) {
            f32[i] = Float.intBitsToFloat(random.nextInt() & 0x7F7FFFFF | (i % 2 == 0 ? 0 : 0x80000000));
        }
        f32[0] = Float.MIN_VALUE;
        f32[1] = -Float.MAX_VALUE;
        float[] i8 = {-128, -1, 0, 1, 127, 5, -7, 64, -64, 100, -100, 3};
        float[] i32 = {-16777216, 16777216, 0, -1, 1, 1 << 30, -(1 << 30), 123456, -7654321, 42, 2, -2};
        Path path = dir.resolve("all.safetensors");
        SafetensorsWriter.write(path, List.of(
                SafetensorsWriter.Entry.of("f16", DType.F16, List.of(3L, 4L), f16),
                SafetensorsWriter.Entry.of("bf16", DType.BF16, List.of(12L), bf16),
                SafetensorsWriter.Entry.of("f32", DType.F32, List.of(2L, 2L, 3L), f32),
                SafetensorsWriter.Entry.of("i8", DType.I8, List.of(4L, 3L), i8),
                SafetensorsWriter.Entry.of("i32", DType.I32, List.of(6L, 2L), i32)));
        SafetensorsFile f = SafetensorsFile.open(path);
        assertBits(f16, read(f, "f16"));
        assertBits(bf16, read(f, "bf16"));
        assertBits(f32, read(f, "f32"));
        assertArrayEquals(i8, read(f, "i8"));
        assertArrayEquals(i32, read(f, "i32"));
        assertEquals(List.of(2L, 2L, 3L), f.tensor("f32").shape());
        assertEquals(6, f.tensor("f32").cols(), "matrix view: [2, 2·3]");
    }

    @Test
    void nanSurvivesF16AndBf16() {
        Path path = dir.resolve("nan.safetensors");
        SafetensorsWriter.write(path, List.of(SafetensorsWriter.Entry.of("h", DType.F16, List.of(1L), new float[] {Float.NaN}),
                SafetensorsWriter.Entry.of("b", DType.BF16, List.of(1L), new float[] {Float.NaN})));
        SafetensorsFile f = SafetensorsFile.open(path);
        assertTrue(Float.isNaN(read(f, "h")[0]));
        assertTrue(Float.isNaN(read(f, "b")[0]));
    }

    @Test
    void headerIsPaddedAndOffsetsAreContiguous() throws IOException {
        Path path = dir.resolve("pad.safetensors");
        SafetensorsWriter.write(path, List.of(SafetensorsWriter.Entry.of("a", DType.F32, List.of(3L), new float[3]),
                SafetensorsWriter.Entry.of("b", DType.I8, List.of(5L), new float[5])));
        byte[] bytes = Files.readAllBytes(path);
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        assertEquals(0, headerLength % 8);
        assertEquals(8 + headerLength + 12 + 5, bytes.length);
        TensorInfo b = SafetensorsFile.open(path).tensor("b");
        assertEquals(12, b.begin());
        assertEquals(17, b.end());
    }

    @Test
    void shardedCheckpointsOpenThroughTheIndexOrTheFolder() throws IOException {
        float[] a = {1, 2, 3, 4};
        float[] b = {5, 6};
        SafetensorsWriter.write(dir.resolve("model-00001-of-00002.safetensors"),
                List.of(SafetensorsWriter.Entry.of("layer.0.weight", DType.F32, List.of(2L, 2L), a)));
        SafetensorsWriter.write(dir.resolve("model-00002-of-00002.safetensors"),
                List.of(SafetensorsWriter.Entry.of("layer.1.weight", DType.BF16, List.of(1L, 2L), b)));
        Files.writeString(dir.resolve(SafetensorsCheckpoint.INDEX_FILE), "{\"metadata\":{\"total_size\":20},"
                + "\"weight_map\":{\"layer.1.weight\":\"model-00002-of-00002.safetensors\","
                + "\"layer.0.weight\":\"model-00001-of-00002.safetensors\"}}");
        for (Path source : List.of(dir, dir.resolve(SafetensorsCheckpoint.INDEX_FILE))) {
            SafetensorsCheckpoint c = SafetensorsCheckpoint.open(source);
            assertEquals(List.of("layer.0.weight", "layer.1.weight"), c.tensors().stream().map(TensorInfo::name).toList());
            float[] out = new float[2];
            MatrixSource.of(c.tensor("layer.1.weight")).readRows(0, 1, out);
            assertArrayEquals(b, out);
            assertEquals(20, c.dataBytes());
        }
        Files.delete(dir.resolve(SafetensorsCheckpoint.INDEX_FILE));
        assertEquals(2, SafetensorsCheckpoint.open(dir).tensors().size(), "a folder without an index: every shard");
    }

    @Test
    void corruptFilesAreBadInputNamingFileAndTensor() throws IOException {
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertBad(tiny, "tiny.safetensors", "shorter than the 8-byte header length");

        Path huge = fileWithHeader("huge.safetensors", "{}", 0, 1_000_000);
        assertBad(huge, "huge.safetensors", "header length 1000000 does not fit the file");

        assertBad(fileWithHeader("json.safetensors", "{not json", 0, -1), "json.safetensors", "header is not valid JSON");
        assertBad(fileWithHeader("dtype.safetensors",
                "{\"x\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8, -1),
                "tensor 'x'", "dtype must be one of F32, F16, BF16, I8, I32, got F64");
        assertBad(fileWithHeader("size.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}}", 12, -1),
                "tensor 'w'", "hold 12 bytes but shape [2, 2] of F32 needs 16");
        assertBad(fileWithHeader("short.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 10, -1),
                "tensor 'w'", "truncated file: the tensor ends at data byte 16 but the data section has 10 bytes");
        assertBad(fileWithHeader("overlap.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12, -1),
                "tensor 'b'", "overlap tensor 'a'");
        assertBad(fileWithHeader("shape.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4, -1),
                "tensor 'w'", "shape sizes must be integers >= 0");
        assertBad(fileWithHeader("offsets.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4, -1),
                "tensor 'w'", "data_offsets must be [begin, end]");

        // A good file truncated afterwards (a partial download).
        Path cut = dir.resolve("cut.safetensors");
        SafetensorsWriter.write(cut, List.of(SafetensorsWriter.Entry.of("w", DType.F32, List.of(4L), new float[4])));
        try (RandomAccessFile raf = new RandomAccessFile(cut.toFile(), "rw")) {
            raf.setLength(raf.length() - 3);
        }
        assertBad(cut, "cut.safetensors", "tensor 'w': truncated file");
        assertBad(dir.resolve("missing.safetensors"), "missing.safetensors", "no such file");
    }

    @Test
    void badIndexesAndUnknownTensorsAreBadInput() throws IOException {
        SafetensorsWriter.write(dir.resolve("s1.safetensors"),
                List.of(SafetensorsWriter.Entry.of("a", DType.F32, List.of(1L), new float[1])));
        Path index = dir.resolve(SafetensorsCheckpoint.INDEX_FILE);
        Files.writeString(index, "{\"weight_map\":{\"a\":\"s1.safetensors\",\"b\":\"s2.safetensors\"}}");
        BadInputException missingShard = assertThrows(BadInputException.class, () -> SafetensorsCheckpoint.open(index));
        assertTrue(missingShard.getMessage().contains("weight_map.'b': shard 's2.safetensors' is not a file"),
                missingShard.getMessage());
        Files.writeString(index, "{\"weight_map\":{\"a\":\"s1.safetensors\",\"zz\":\"s1.safetensors\"}}");
        BadInputException lying = assertThrows(BadInputException.class, () -> SafetensorsCheckpoint.open(index));
        assertTrue(lying.getMessage().contains("weight_map.'zz': shard s1.safetensors has no such tensor"),
                lying.getMessage());
        Files.writeString(index, "{\"metadata\":{}}");
        assertThrows(BadInputException.class, () -> SafetensorsCheckpoint.open(index));
        BadInputException unknown = assertThrows(BadInputException.class,
                () -> SafetensorsCheckpoint.open(dir.resolve("s1.safetensors")).tensor("nope"));
        assertTrue(unknown.getMessage().contains("no tensor 'nope'; the checkpoint holds a"), unknown.getMessage());
    }

    private Path fileWithHeader(String name, String header, int dataBytes, long declaredLength) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(declaredLength >= 0 ? declaredLength : json.length).put(json);
        Path path = dir.resolve(name);
        Files.write(path, file.array());
        return path;
    }

    private static void assertBad(Path path, String mentionsWhere, String mentionsWhat) {
        BadInputException e = assertThrows(BadInputException.class, () -> {
            SafetensorsFile f = SafetensorsFile.open(path);
            for (TensorInfo t : f.tensors()) {
                SafetensorsFile.read(t, 0, new float[(int) t.elementCount()], (int) t.elementCount());
            }
        });
        assertTrue(e.getMessage().contains(path.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(mentionsWhere), e.getMessage());
        assertTrue(e.getMessage().contains(mentionsWhat), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    private static float[] read(SafetensorsFile f, String name) {
        TensorInfo t = f.tensor(name);
        float[] out = new float[(int) t.elementCount()];
        SafetensorsFile.read(t, 0, out, out.length);
        return out;
    }

    private static void assertBits(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
                    "index " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }
}
