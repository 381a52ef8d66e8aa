package io.bitforge.core.io;

/**
 * Bad input from a user: a file, field or value that is not allowed. The CLI prints its message as one line
 * and exits with code 2. The message names the file (when there is one), the field path, the value and what
 * is allowed, e.g. {@code hw.yaml: hardware.buffers.weights.kib: must be > 0, got -4 (line 9)}.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "{@code <file>: <field>: <problem>, got <value>}"; file may be null. */
    public static BadInputException field(String file, String field, Object value, String allowed) {
        String where = file == null ? "" : file + ": ";
        return new BadInputException(where + field + ": " + allowed + ", got " + value);
    }
}
