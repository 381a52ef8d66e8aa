package io.bitforge.explore;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.io.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The append-only store of a run: {@code results.jsonl}, one design per line, each line written whole and flushed
 * to the operating system before the next design, so a killed process loses at most the line being written. On
 * resume, a last line without its newline (a crash mid-write) is cut off; every complete line must parse.
 */
public final class ResultStore implements AutoCloseable {
    public static final String RESULTS = "results.jsonl";
    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, StoredDesign> designs = new LinkedHashMap<>();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final OutputStream out;
    private final int truncatedBytes;

    private ResultStore(Path file, int truncatedBytes) throws IOException {
        this.file = file;
        this.truncatedBytes = truncatedBytes;
        this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Opens {@code dir/results.jsonl}. Without {@code resume} the directory must not already hold results; with
     * it, stored designs are read back.
     */
    public static ResultStore open(Path dir, boolean resume) {
        Path file = dir.resolve(RESULTS);
        try {
            Files.createDirectories(dir);
            boolean exists = Files.exists(file) && Files.size(file) > 0;
            if (exists && !resume) {
                throw new BadRequestException("out", dir + " already holds " + RESULTS
                        + "; resume that run, or choose another directory");
            }
            int truncated = exists ? cutPartialLine(file) : 0;
            ResultStore store = new ResultStore(file, truncated);
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

    @SuppressWarnings("unchecked")
    private void readBack() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            StoredDesign design;
            try {
                design = StoredDesign.fromMap(Json.mapper().readValue(lines.get(i), Map.class));
            } catch (IOException | IllegalArgumentException e) {
                throw new BadInputException(file + ": line " + (i + 1) + ": not a stored design ("
                        + e.getMessage().lines().findFirst().orElse("") + "); the store is damaged");
            }
            designs.putIfAbsent(design.id(), design);
            ids.add(design.id());
        }
    }

    /** Bytes of a partly written last line removed when the store was opened (0 if none). */
    public int truncatedBytes() {
        return truncatedBytes;
    }

    /** Thread-safe: whether a design with this id is stored. */
    public boolean contains(String id) {
        return ids.contains(id);
    }

    public StoredDesign get(String id) {
        synchronized (designs) {
            return designs.get(id);
        }
    }

    /** Appends a design as one line and flushes it; a design already stored is ignored (returns false). */
    public boolean append(StoredDesign design) {
        synchronized (designs) {
            if (designs.containsKey(design.id())) {
                return false;
            }
            try {
                out.write(LINE.writeValueAsBytes(design.asMap()));
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            designs.put(design.id(), design);
            ids.add(design.id());
            return true;
        }
    }

    /** Every stored design, in the order stored. */
    public List<StoredDesign> designs() {
        synchronized (designs) {
            return new ArrayList<>(designs.values());
        }
    }

    public int size() {
        synchronized (designs) {
            return designs.size();
        }
    }

    Collection<String> ids() {
        return ids;
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
