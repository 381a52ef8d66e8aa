package io.bitforge.explore.spark;

/**
 * A Spark job of an exploration failed (a task kept failing, an executor was lost, the job was cancelled). The
 * designs of earlier jobs are stored; a rerun with resume continues from them.
 */
public final class SparkJobFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SparkJobFailedException(int designs, Exception cause) {
        super("a Spark job of " + designs + " designs failed (" + firstLine(cause) + "); the designs stored "
                + "before it are kept: rerun with --resume to continue", cause);
    }

    private static String firstLine(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return root.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
    }
}
