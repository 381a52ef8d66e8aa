package io.bitforge.core.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An output that could not be written (full disk, closed pipe, I/O error) after its path was accepted. Not bad
 * input: the CLI exits with code 1 and one line naming the file, and no partial file is left behind.
 */
public class OutputFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputFailedException(String target, Throwable cause) {
        super("cannot write " + target + ": " + reason(cause), cause);
    }

    /**
     * Why, in words: a file-system error's own message is often only the path (of the temporary file, even), so
     * its reason or its kind is given instead.
     */
    private static String reason(Throwable cause) {
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof NoSuchFileException) {
            return "its folder takes no new files (no such file)";
        }
        if (cause instanceof FileSystemException e && e.getReason() != null) {
            return e.getReason();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    public OutputFailedException(Path target, Throwable cause) {
        this(target.toString(), cause);
    }
}
