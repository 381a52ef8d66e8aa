package io.bitforge.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
}
