package io.bitforge.cli.output;

import io.bitforge.core.io.AtomicFiles;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.OutputFailedException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a result to a file (atomically: temp + rename) or, for "-", to standard output. A write that fails after
 * the path was accepted (full disk, closed pipe) is {@link OutputFailedException}, exit 1 naming the target.
 */
public final class OutputTarget {
    private OutputTarget() {
    }

    /**
     * Writes {@code content} to {@code target}; a path whose folder does not exist or cannot be written is bad
     * input naming the option.
     */
    public static void write(String option, String target, String content, PrintStream stdout) {
        if (target == null) {
            return;
        }
        if (target.equals("-")) {
            stdout.print(content);
            stdout.flush();
            if (stdout.checkError()) {
                throw new OutputFailedException(option + " standard output", new IOException("write failed"));
            }
            return;
        }
        check(option, target);
        AtomicFiles.writeString(Path.of(target), content);
    }

    /**
     * Refuses a target {@link #write} would refuse (missing folder, a folder), without writing: commands whose
     * work takes long call it before starting, so a bad path costs no run.
     */
    public static void check(String option, String target) {
        if (target == null || target.equals("-")) {
            return;
        }
        Path path = Path.of(target);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException(option + ": cannot write " + target + ": folder " + parent
                    + " does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new BadInputException(option + ": cannot write " + target + ": it is a folder");
        }
    }
}
