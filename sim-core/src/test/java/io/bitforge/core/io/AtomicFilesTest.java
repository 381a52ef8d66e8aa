package io.bitforge.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("r.json");
        Files.writeString(target, "old");
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aFailedWriteNamesTheTargetAndLeavesTheOldFile(@TempDir Path dir) throws IOException {
        Path folderInTheWay = dir.resolve("r.json");
        Files.createDirectory(folderInTheWay);
        Files.writeString(folderInTheWay.resolve("keep"), "x");
        OutputFailedException e = assertThrows(OutputFailedException.class,
                () -> AtomicFiles.writeString(folderInTheWay, "new"));
        assertTrue(e.getMessage().startsWith("cannot write " + folderInTheWay), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(folderInTheWay), files.toList());
        }
    }

    @Test
    void aSymbolicLinkStaysAndTheFileItNamesIsReplaced(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), file);
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(file));
    }

    /** A named pipe (like a device such as /dev/full) is written into, never renamed over. */
    @Test
    void aNamedPipeIsWrittenIntoAndStaysAPipe(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo (coreutils) must be available");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        AtomicFiles.writeString(fifo, "through the pipe");
        assertEquals("through the pipe", read.get(10, TimeUnit.SECONDS));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe was replaced by a file");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(fifo), files.toList());
        }
    }
}
