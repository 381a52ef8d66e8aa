package io.bitforge.explore;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.io.Json;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;

/**
 * The append-only store of a run: {@code results.jsonl}, one design per line, each line written whole and flushed
 * to the operating system before the next design, so a killed process loses at most the line being written. On
 * resume, a last line without its newline (a crash mid-write) is cut off; every complete line must parse.
 *
 * <p>Memory stays flat however many designs are stored: designs stream through a {@link StoreListener} and only
 * their ids ({@link DesignIdTable}) and a fixed-length vector of numbers per design (what the listener returns,
 * e.g. objectives for a search that revisits designs) are kept, in primitive arrays.
 */
public final class ResultStore implements AutoCloseable {
    public static final String RESULTS = "results.jsonl";
    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final DesignIdTable ids = new DesignIdTable();
    private final StoreListener listener;
    private final int vectorLength;
    private double[] vectors;
    private int size;
    private final OutputStream out;
    private final int truncatedBytes;

    private ResultStore(Path file, int truncatedBytes, StoreListener listener, int vectorLength) throws IOException {
        this.file = file;
        this.truncatedBytes = truncatedBytes;
        this.listener = listener;
        this.vectorLength = vectorLength;
        this.vectors = new double[vectorLength * 64];
        this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), 1 << 16);
    }

    /**
     * Opens {@code dir/results.jsonl}. Without {@code resume} the directory must not already hold results; with
     * it, stored designs are read back.
     */
    public static ResultStore open(Path dir, boolean resume) {
        return open(dir, resume, StoreListener.NONE, 0);
    }

    /**
     * Opens {@code dir/results.jsonl} and tells {@code listener} about every design read back; it keeps the
     * {@code vectorLength} numbers the listener returns for each design (see {@link #vector}).
     */
    public static ResultStore open(Path dir, boolean resume, StoreListener listener, int vectorLength) {
        Path file = dir.resolve(RESULTS);
        try {
            Files.createDirectories(dir);
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new BadInputException(file + ": is a folder or special file, not a results store; "
                        + "remove it, or choose another --out directory");
            }
            boolean exists = Files.exists(file) && Files.size(file) > 0;
            if (exists && !resume) {
                throw new BadRequestException("out", dir + " already holds " + RESULTS
                        + "; resume that run, or choose another directory");
            }
            int truncated = exists ? cutPartialLine(file) : 0;
            ResultStore store = new ResultStore(file, truncated, listener, vectorLength);
            if (exists) {
                store.readBack();
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** Removes a last line that has no newline (the process died while writing it); returns the bytes cut. */
    private static int cutPartialLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long keep = size;
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                channel.truncate(keep);
            }
            return (int) (size - keep);
        }
    }

    private void readBack() throws IOException {
        try {
            readLines();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInputException(file + ": not UTF-8 text; the store is damaged (resume into another folder, "
                    + "or remove the damaged line)");
        }
    }

    @SuppressWarnings("unchecked")
    private void readLines() throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                StoredDesign design;
                try {
                    design = StoredDesign.fromMap(Json.mapper().readValue(line, Map.class));
                } catch (IOException | IllegalArgumentException e) {
                    throw new BadInputException(file + ": line " + lineNumber + ": not a stored design ("
                            + e.getMessage().lines().findFirst().orElse("") + "); the store is damaged");
                }
                if (ids.position(design.id()) < 0) {
                    remember(design);
                }
            }
        }
    }

    private void remember(StoredDesign design) {
        double[] vector = listener.stored(design);
        if (vector.length != vectorLength) {
            throw new IllegalStateException("store listener returned " + vector.length + " numbers, expected "
                    + vectorLength);
        }
        if ((long) (size + 1) * vectorLength > vectors.length) {
            vectors = Arrays.copyOf(vectors, Math.max(vectors.length * 2, vectorLength));
        }
        System.arraycopy(vector, 0, vectors, size * vectorLength, vectorLength);
        ids.add(design.id(), size);
        size++;
    }

    /** Bytes of a partly written last line removed when the store was opened (0 if none). */
    public int truncatedBytes() {
        return truncatedBytes;
    }

    /** Thread-safe: whether a design with this id is stored. */
    public synchronized boolean contains(String id) {
        return ids.position(id) >= 0;
    }

    /** Thread-safe: the design's place in the store (0 for the first line), or -1 when it is not stored. */
    public synchronized int position(String id) {
        return ids.position(id);
    }

    /** Thread-safe: a copy of the numbers the listener returned for this design, or null when it is not stored. */
    public synchronized double[] vector(String id) {
        int at = ids.position(id);
        return at < 0 ? null : Arrays.copyOfRange(vectors, at * vectorLength, (at + 1) * vectorLength);
    }

    /**
     * Appends a design as one line, flushed to the operating system, and tells the listener; a design already
     * stored is ignored (returns false).
     */
    public synchronized boolean append(StoredDesign design) {
        if (ids.position(design.id()) >= 0) {
            return false;
        }
        try {
            out.write(LINE.writeValueAsBytes(design.asMap()));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        remember(design);
        return true;
    }

    /** Designs stored. */
    public synchronized int size() {
        return size;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
