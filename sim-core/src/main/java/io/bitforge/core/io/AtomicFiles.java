package io.bitforge.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader never sees it half-written: the bytes go to a temporary file in the same folder,
 * which is then renamed over the target (atomic on POSIX file systems). A failure leaves the old file, if any, and
 * no temporary file, and is reported as {@link OutputFailedException} naming the target. A target that exists and
 * is not a regular file (a device such as {@code /dev/full} or {@code /dev/stdout}, a named pipe) is written into
 * directly: renaming over it would replace the device with a plain file. A symbolic link is followed, so the file
 * it names is replaced and the link stays.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path requested, byte[] content) {
        Path target = followLinks(requested);
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            writeInPlace(requested, target, content);
            return;
        }
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
            throw new OutputFailedException(requested, e);
        }
    }

    /** The file a chain of symbolic links ends at (the path itself when it is no link or the chain is broken). */
    private static Path followLinks(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return path;
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path; // a dangling link: the rename replaces the link, as before
        }
    }

    private static void writeInPlace(Path requested, Path device, byte[] content) {
        try (OutputStream out = Files.newOutputStream(device, StandardOpenOption.WRITE)) {
            out.write(content);
        } catch (IOException e) {
            throw new OutputFailedException(requested, e);
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
