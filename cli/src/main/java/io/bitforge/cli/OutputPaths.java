package io.bitforge.cli;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a command line that sends two outputs to one file ({@code --json r.txt --csv r.txt}): one would silently
 * overwrite the other. Standard output ("-") may be shared, as the user asked for both on the terminal. An empty
 * path ({@code --out ""}) is refused too: it would silently mean the current folder.
 */
final class OutputPaths {
    /** The options that name a file the command writes. */
    static final List<String> OUTPUT_OPTIONS = List.of("--json", "--csv", "--plot", "--out", "--vcd", "--verilog",
            "--html");

    private OutputPaths() {
    }

    static void refuseDuplicates(ParseResult parseResult) {
        ParseResult command = parseResult;
        while (command.subcommand() != null) {
            command = command.subcommand();
        }
        Map<Path, String> seen = new HashMap<>();
        for (OptionSpec option : command.matchedOptions()) {
            // --out and --vcd are Path-typed, the others String-typed
            Object value = option.getValue();
            if (!OUTPUT_OPTIONS.contains(option.longestName()) || !(value instanceof String || value instanceof Path)) {
                continue;
            }
            String target = value.toString();
            if (target.isBlank()) {
                throw new ParameterException(command.commandSpec().commandLine(), option.longestName()
                        + ": must name a " + (option.paramLabel().contains("DIR") ? "folder" : "file") + ", got an "
                        + "empty path");
            }
            if (target.equals("-")) {
                continue;
            }
            Path path = Path.of(target).toAbsolutePath().normalize();
            String before = seen.putIfAbsent(path, option.longestName());
            if (before != null) {
                throw new ParameterException(command.commandSpec().commandLine(), option.longestName() + ": "
                        + target + " is also the " + before + " output; give each output its own file");
            }
        }
    }
}
