package io.bitforge.cli;

import io.bitforge.core.io.Suggestions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.ArrayList;
import java.util.List;

/**
 * "Did you mean" for a misspelt flag or subcommand: the closest option name (for a word starting with a dash)
 * or subcommand name of the command that failed to parse, within typo distance ({@link Suggestions}).
 */
final class UnmatchedSuggestion {
    private UnmatchedSuggestion() {
    }

    /** {@code " (did you mean '--rows'?)"} for an unmatched argument with a close name, else the empty string. */
    static String of(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return "";
        }
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String word = unmatched.getUnmatched().get(0);
        if (word.startsWith("-")) {
            String flag = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            List<String> names = new ArrayList<>();
            for (OptionSpec option : spec.options()) {
                names.addAll(List.of(option.names()));
            }
            return Suggestions.didYouMean(flag, names);
        }
        return Suggestions.didYouMean(word, spec.subcommands().keySet());
    }
}
