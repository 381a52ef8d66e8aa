package io.bitforge.workloads.tensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code .safetensors} file (huggingface/safetensors, README "Format"): an 8-byte little-endian header length
 * N, N bytes of JSON mapping tensor names to {@code dtype}, {@code shape} and {@code data_offsets} [begin, end)
 * relative to the data section, then the data. The header is checked against the file on opening (sizes agree
 * with the shapes, offsets inside the file and not overlapping); every problem is a {@link BadInputException}
 * naming the file and tensor. Reads map only the region asked for, so a shard of any size is read in pieces
 * below Java's 2 GiB mapping limit.
 */
public final class SafetensorsFile {
    /** The specification's limit on the header size (100 MB), which also guards against a garbage length. */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    private final Path path;
    private final Map<String, TensorInfo> tensors;

    private SafetensorsFile(Path path, Map<String, TensorInfo> tensors) {
        this.path = path;
        this.tensors = tensors;
    }

    /** Opens and checks a file; nothing but the header is read. */
    public static SafetensorsFile open(Path path) {
        long size;
        String header;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            size = channel.size();
            if (size < 8) {
                throw bad(path, "file is " + size + " bytes, shorter than the 8-byte header length");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.getLong(0);
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw bad(path, "header length " + Long.toUnsignedString(headerLength) + " does not fit the file of "
                        + size + " bytes (must be 2.." + Math.min(MAX_HEADER_BYTES, size - 8) + ")");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, 8);
            header = new String(headerBytes.array(), StandardCharsets.UTF_8);
            return new SafetensorsFile(path, parse(path, header, 8 + headerLength, size));
        } catch (NoSuchFileException e) {
            throw bad(path, "no such file");
        } catch (IOException e) {
            throw bad(path, "cannot read: " + e.getMessage());
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private static Map<String, TensorInfo> parse(Path path, String header, long dataStart, long fileSize) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(header);
        } catch (JsonProcessingException e) {
            throw bad(path, "header is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad(path, "header must be a JSON object of tensors");
        }
        Map<String, TensorInfo> tensors = new TreeMap<>();
        long dataSize = fileSize - dataStart;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.equals("__metadata__")) {
                continue;
            }
            tensors.put(name, tensor(path, name, field.getValue(), dataStart, dataSize));
        }
        List<TensorInfo> byOffset = new ArrayList<>(tensors.values());
        byOffset.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        for (int i = 1; i < byOffset.size(); i++) {
            TensorInfo previous = byOffset.get(i - 1);
            TensorInfo current = byOffset.get(i);
            if (current.begin() < previous.end() && current.end() > current.begin()) {
                throw bad(path, "tensor '" + current.name() + "': data_offsets [" + current.begin() + ", "
                        + current.end() + "] overlap tensor '" + previous.name() + "' [" + previous.begin() + ", "
                        + previous.end() + "]");
            }
        }
        return Collections.unmodifiableMap(tensors);
    }

    private static TensorInfo tensor(Path path, String name, JsonNode node, long dataStart, long dataSize) {
        String where = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw bad(path, where + ": must be an object with dtype, shape and data_offsets");
        }
        JsonNode dtypeNode = node.get("dtype");
        String dtypeName = dtypeNode == null ? null : dtypeNode.asText();
        DType dtype = DType.fromName(dtypeName == null ? "" : dtypeName).orElseThrow(() -> bad(path,
                where + ": dtype must be one of " + DType.allowedNames() + ", got " + dtypeName));
        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw bad(path, where + ": shape must be an array of sizes, got " + shapeNode);
        }
        List<Long> shape = new ArrayList<>();
        for (JsonNode d : shapeNode) {
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) {
                throw bad(path, where + ": shape sizes must be integers >= 0, got " + shapeNode);
            }
            shape.add(d.asLong());
        }
        JsonNode offsets = node.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2 || !offsets.get(0).isIntegralNumber()
                || !offsets.get(1).isIntegralNumber()) {
            throw bad(path, where + ": data_offsets must be [begin, end], got " + offsets);
        }
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (begin < 0 || end < begin) {
            throw bad(path, where + ": data_offsets must satisfy 0 <= begin <= end, got [" + begin + ", " + end + "]");
        }
        TensorInfo info = new TensorInfo(name, dtype, shape, begin, end, path, dataStart);
        long needed;
        try {
            needed = Math.multiplyExact(info.elementCount(), (long) dtype.bytes());
        } catch (ArithmeticException e) {
            throw bad(path, where + ": shape " + shape + " is too large");
        }
        if (end - begin != needed) {
            throw bad(path, where + ": data_offsets [" + begin + ", " + end + "] hold " + (end - begin)
                    + " bytes but shape " + shape + " of " + dtype + " needs " + needed);
        }
        if (end > dataSize) {
            throw bad(path, where + ": truncated file: the tensor ends at data byte " + end + " but the data section has "
                    + dataSize + " bytes");
        }
        return info;
    }

    static BadInputException bad(Path path, String problem) {
        return new BadInputException(path + ": " + problem);
    }

    public Path path() {
        return path;
    }

    /** Every tensor, sorted by name. */
    public List<TensorInfo> tensors() {
        return List.copyOf(tensors.values());
    }

    /** The tensor of this name, or bad input listing some of the names the file holds. */
    public TensorInfo tensor(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw bad(path, "no tensor '" + name + "'; the file holds " + TensorNames.sample(tensors.keySet()));
        }
        return info;
    }

    /**
     * Reads elements {@code first .. first+count−1} of a tensor (row-major) into {@code into[0..count)}, mapping only
     * that region. {@code count·bytes} must stay below 2 GiB.
     */
    public static void read(TensorInfo tensor, long first, float[] into, int count) {
        if (first < 0 || count < 0 || first + count > tensor.elementCount() || count > into.length) {
            throw new IllegalArgumentException("elements " + first + ".." + (first + count) + " outside tensor '"
                    + tensor.name() + "' of " + tensor.elementCount());
        }
        long bytes = (long) count * tensor.dtype().bytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("read at most 2 GiB at a time, asked for " + bytes + " bytes");
        }
        if (count == 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(tensor.file(), StandardOpenOption.READ)) {
            long offset = tensor.fileOffset(first);
            if (offset + bytes > channel.size()) {
                throw bad(tensor.file(), "tensor '" + tensor.name() + "': truncated file: needs bytes up to "
                        + (offset + bytes) + " but the file has " + channel.size());
            }
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, offset, bytes);
            map.order(ByteOrder.LITTLE_ENDIAN);
            decode(tensor.dtype(), map, into, count);
        } catch (IOException e) {
            throw bad(tensor.file(), "tensor '" + tensor.name() + "': cannot read: " + e.getMessage());
        }
    }

    private static void decode(DType dtype, ByteBuffer data, float[] into, int count) {
        switch (dtype) {
            case F32:
                data.asFloatBuffer().get(into, 0, count);
                break;
            case F16:
            case BF16:
                for (int i = 0; i < count; i++) {
                    into[i] = dtype.decode16(data.getShort(2 * i));
                }
                break;
            case I8:
                for (int i = 0; i < count; i++) {
                    into[i] = data.get(i);
                }
                break;
            case I32:
                for (int i = 0; i < count; i++) {
                    into[i] = data.getInt(4 * i);
                }
                break;
            default:
                throw new AssertionError(dtype);
        }
    }

    /** Whether a path names a safetensors file by its extension. */
    static boolean isSafetensors(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".safetensors");
    }
}
