package io.bitforge.cli.output;

import io.bitforge.core.io.BadInputException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a result to a file or, for "-", to standard output. */
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
            return;
        }
        Path path = Path.of(target);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException(option + ": cannot write " + target + ": folder " + parent
                    + " does not exist");
        }
        try {
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(option + ": cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
