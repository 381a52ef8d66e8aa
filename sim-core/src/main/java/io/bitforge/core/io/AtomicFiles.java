package io.bitforge.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader never sees it half-written: the bytes go to a temporary file in the same folder,
 * which is then renamed over the target (atomic on POSIX file systems). A failure leaves the old file, if any, and
 * no temporary file, and is reported as {@link OutputFailedException} naming the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            // named by process, thread and time so that parallel writers never share one; created with the
            // default permissions (createTempFile would make it owner-only)
            temporary = folder.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Thread.currentThread().getId() + "." + System.nanoTime() + ".tmp");
            Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new OutputFailedException(target, e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the write already failed; the error names the target
        }
    }
}
