package io.bitforge.cli;

import io.bitforge.core.registry.Registry;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every subcommand's name and its {@code --help} text, from the live command line (for the docs tests). */
public final class CommandHelp {
    private CommandHelp() {
    }

    /** Subcommand name to the exact text {@code bitforge NAME --help} prints, in help order. */
    public static Map<String, String> all() {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        CliContext context = new CliContext(Registry.load(), discard, discard, false);
        Map<String, String> help = new LinkedHashMap<>();
        for (Object command : BitForge.commands(context)) {
            String name = new CommandLine(command).getCommandName();
            CliHarness.Result result = CliHarness.run(name, "--help");
            if (result.exitCode() != 0) {
                throw new IllegalStateException(name + " --help exited " + result.exitCode() + ": " + result.stderr());
            }
            help.put(name, result.stdout());
        }
        return help;
    }
}
