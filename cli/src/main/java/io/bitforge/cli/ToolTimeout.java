package io.bitforge.cli;

import io.bitforge.core.io.BadInputException;
import io.bitforge.verilog.tools.ToolRunner;

import java.util.List;

/**
 * The global {@code --tool-timeout SECONDS} (or {@code --tool-timeout=SECONDS}) option: taken out of the arguments
 * before the command is parsed, as {@code --debug} is, so that every command that runs an external tool honours it.
 */
public final class ToolTimeout {
    public static final String OPTION = "--tool-timeout";

    /** Seconds a tool may run at most: a day is beyond any flow BitForge drives. */
    static final long MAX_SECONDS = 86_400;

    private ToolTimeout() {
    }

    /** Removes the option from {@code args} and returns its value in seconds, or null when absent. */
    static String take(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value;
            if (arg.equals(OPTION)) {
                if (i + 1 >= args.size()) {
                    throw new BadInputException(OPTION + ": missing value; give the seconds every tool may run");
                }
                value = args.remove(i + 1);
            } else if (arg.startsWith(OPTION + "=")) {
                value = arg.substring(OPTION.length() + 1);
            } else {
                continue;
            }
            args.remove(i);
            long seconds;
            try {
                seconds = Long.parseLong(value);
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds < 1 || seconds > MAX_SECONDS) {
                throw BadInputException.field(null, OPTION, "'" + value + "'", "must be whole seconds from 1 to "
                        + MAX_SECONDS);
            }
            return Long.toString(seconds);
        }
        return null;
    }

    /** A tool message as the command line's user reads it: the library's timeout property becomes this option. */
    public static String forUser(String message) {
        return message.replace("raise the tool time limit, the " + ToolRunner.TIMEOUT_PROPERTY + " property",
                "raise " + OPTION + " SECONDS");
    }
}
