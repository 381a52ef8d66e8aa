package io.bitforge.workloads.tensors;

import io.bitforge.core.io.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@code .safetensors} file tensor by tensor, streaming the data so a file of any size needs only one
 * row in memory. F16/BF16 values are rounded to nearest even (overflow to infinity, as IEEE conversion does);
 * I8/I32 values are rounded half-even and must fit the type. The header is padded with spaces to a multiple of 8
 * bytes, as the reference implementation does, and written in the order given.
 */
public final class SafetensorsWriter {
    /** Produces row {@code row} of a tensor into {@code into} (length = the tensor's columns). */
    @FunctionalInterface
    public interface RowSource {
        void row(long row, float[] into);
    }

    /** One tensor to write; its matrix view is [shape[0], product of the rest]. */
    public record Entry(String name, DType dtype, List<Long> shape, RowSource rows) {
        public Entry {
            shape = List.copyOf(shape);
        }

        long elementCount() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }

        long rowCount() {
            return shape.size() < 2 ? 1 : shape.get(0);
        }

        /** A tensor whose values are given whole, row-major. */
        public static Entry of(String name, DType dtype, List<Long> shape, float[] values) {
            Entry probe = new Entry(name, dtype, shape, (r, into) -> { });
            long cols = probe.rowCount() == 0 ? 0 : probe.elementCount() / probe.rowCount();
            if (values.length != probe.elementCount()) {
                throw new IllegalArgumentException(name + ": shape " + shape + " needs " + probe.elementCount()
                        + " values, got " + values.length);
            }
            return new Entry(name, dtype, shape, (r, into) -> System.arraycopy(values, (int) (r * cols), into, 0,
                    (int) cols));
        }
    }

    private SafetensorsWriter() {
    }

    /** Writes the entries to {@code path}, replacing it. */
    public static void write(Path path, List<Entry> entries) {
        Map<String, Object> header = new LinkedHashMap<>();
        long offset = 0;
        for (Entry e : entries) {
            long bytes = e.elementCount() * e.dtype().bytes();
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("dtype", e.dtype().name());
            t.put("shape", e.shape());
            t.put("data_offsets", List.of(offset, offset + bytes));
            header.put(e.name(), t);
            offset += bytes;
        }
        byte[] json;
        try {
            json = Json.mapper().writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int padded = (json.length + 7) / 8 * 8;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded).put(json);
            while (head.hasRemaining()) {
                head.put((byte) ' ');
            }
            head.flip();
            writeFully(channel, head);
            for (Entry e : entries) {
                writeData(channel, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static void writeData(FileChannel channel, Entry e) throws IOException {
        long rows = e.rowCount();
        int cols = rows == 0 ? 0 : (int) (e.elementCount() / rows);
        float[] row = new float[cols];
        ByteBuffer buffer = ByteBuffer.allocate(cols * e.dtype().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (long r = 0; r < rows; r++) {
            e.rows().row(r, row);
            buffer.clear();
            for (float v : row) {
                put(buffer, e.dtype(), v, e.name());
            }
            buffer.flip();
            writeFully(channel, buffer);
        }
    }

    private static void put(ByteBuffer buffer, DType dtype, float v, String name) {
        switch (dtype) {
            case F32:
                buffer.putFloat(v);
                break;
            case F16:
            case BF16:
                buffer.putShort((short) dtype.encode16(v));
                break;
            case I8:
                buffer.put((byte) integer(v, Byte.MIN_VALUE, Byte.MAX_VALUE, name));
                break;
            case I32:
                buffer.putInt((int) integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE, name));
                break;
            default:
                throw new AssertionError(dtype);
        }
    }

    private static long integer(float v, long min, long max, String name) {
        double r = Math.rint(v);
        if (!(r >= min && r <= max)) {
            throw new IllegalArgumentException(name + ": " + v + " does not fit " + min + ".." + max);
        }
        return (long) r;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
