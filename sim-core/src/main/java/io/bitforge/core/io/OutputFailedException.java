package io.bitforge.core.io;

import java.nio.file.Path;

/**
 * An output that could not be written (full disk, closed pipe, I/O error) after its path was accepted. Not bad
 * input: the CLI exits with code 1 and one line naming the file, and no partial file is left behind.
 */
public class OutputFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputFailedException(String target, Throwable cause) {
        super("cannot write " + target + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage()), cause);
    }

    public OutputFailedException(Path target, Throwable cause) {
        this(target.toString(), cause);
    }
}
