package io.bitforge.cli;

import io.bitforge.cli.commands.AdcStudyCommand;
import io.bitforge.cli.commands.BenchCommand;
import io.bitforge.cli.commands.CosimCommand;
import io.bitforge.cli.commands.DemoCommand;
import io.bitforge.cli.commands.ExploreCommand;
import io.bitforge.cli.commands.FpgaCommand;
import io.bitforge.cli.commands.FpgaRunCommand;
import io.bitforge.cli.commands.GemmCommand;
import io.bitforge.cli.commands.ListCommand;
import io.bitforge.cli.commands.QuantizeCommand;
import io.bitforge.cli.commands.ReportCommand;
import io.bitforge.cli.commands.ReproduceCommand;
import io.bitforge.cli.commands.RooflineCommand;
import io.bitforge.cli.commands.SimulateCommand;
import io.bitforge.cli.commands.VerilogCommand;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.io.OutputFailedException;
import io.bitforge.core.registry.Registry;
import io.bitforge.verilog.tools.ToolException;
import io.bitforge.verilog.tools.ToolRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code bitforge} command. Exit codes: 0 ok, 2 bad input (one line on stderr naming file, field, value
 * and what is allowed), 1 internal error (a short message; the stack trace only with {@code --debug}).
 */
@Command(name = "bitforge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Simulate, explore and generate RTL for mixed-precision accelerators running quantized "
                + "LLM and diffusion inference.",
        footer = {"", "Exit codes: 0 ok, 2 bad input, 1 internal error. Add --debug for stack traces.",
                "--tool-timeout SECONDS (any command) limits every external tool run (iverilog, vvp, verilator, "
                        + "yosys, nextpnr-ice40, icepack, icetime) instead of its default."})
public final class BitForge implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    /** Seconds between the "still running" lines of a long external tool run. */
    static final long TOOL_HEARTBEAT_SECONDS = 30;

    private final CliContext context;

    BitForge(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        context.out().print(new CommandLine(this).getUsageMessage());
    }

    /** Every subcommand, in the order help lists them. */
    static List<Object> commands(CliContext context) {
        Object[] commands = {
                new AdcStudyCommand(context),
                new BenchCommand(context),
                new CosimCommand(context),
                new DemoCommand(context),
                new ExploreCommand(context),
                new FpgaCommand(context),
                new FpgaRunCommand(context),
                new GemmCommand(context),
                new ListCommand(context),
                new QuantizeCommand(context),
                new ReportCommand(context),
                new ReproduceCommand(context),
                new RooflineCommand(context),
                new SimulateCommand(context),
                new VerilogCommand(context),
        };
        return List.of(commands);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code; never throws. */
    public static int run(String[] rawArgs, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(Arrays.asList(rawArgs));
        boolean debug = args.remove("--debug");
        String toolTimeout;
        try {
            toolTimeout = ToolTimeout.take(args);
        } catch (BadInputException e) {
            err.println("bitforge: " + oneLine(e.getMessage()));
            return BAD_INPUT;
        }
        // the tools read their timeout from a JVM-wide property: set for this command only, so an embedding JVM
        // (tests, the Java API next to the CLI) does not inherit it for later commands
        String previousTimeout = System.getProperty(ToolRunner.TIMEOUT_PROPERTY);
        String previousHeartbeat = System.getProperty(ToolRunner.HEARTBEAT_PROPERTY);
        if (toolTimeout != null) {
            System.setProperty(ToolRunner.TIMEOUT_PROPERTY, toolTimeout);
        }
        // a tool that runs for minutes says so on stderr every half minute: no build is silent
        System.setProperty(ToolRunner.HEARTBEAT_PROPERTY, Long.toString(TOOL_HEARTBEAT_SECONDS));
        try {
            return execute(args, out, err, debug);
        } finally {
            restore(ToolRunner.TIMEOUT_PROPERTY, previousTimeout);
            restore(ToolRunner.HEARTBEAT_PROPERTY, previousHeartbeat);
        }
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }

    private static int execute(List<String> args, PrintStream out, PrintStream err, boolean debug) {
        CliContext context;
        try {
            context = new CliContext(Registry.load(), out, err, System.console() != null);
        } catch (RuntimeException e) {
            return internalError(err, e, debug);
        }
        CommandLine commandLine = new CommandLine(new BitForge(context));
        // picocli reads every option of a command it is given (reflection over fields, their types, mixins): when
        // the line names a command, only that one is given to it, so a run pays for its own command alone
        String named = args.isEmpty() ? null : args.get(0);
        List<Object> commands = commands(context);
        boolean known = commands.stream().anyMatch(command -> name(command).equals(named));
        for (Object command : commands) {
            if (!known || name(command).equals(named)) {
                commandLine.addSubcommand(command);
            }
        }
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            CommandLine failed = ex.getCommandLine();
            err.println("bitforge: " + oneLine(ex.getMessage()) + UnmatchedSuggestion.of(ex) + " (see '"
                    + failed.getCommandSpec().qualifiedName() + " --help')");
            return BAD_INPUT;
        });
        commandLine.setExecutionStrategy(parseResult -> {
            OutputPaths.refuseDuplicates(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            if (ex instanceof OutputFailedException) {
                err.println("bitforge: " + oneLine(ex.getMessage()));
                if (debug) {
                    ex.printStackTrace(err);
                }
                return INTERNAL_ERROR;
            }
            if (ex instanceof ToolException) {
                // a missing, failing or timed-out tool is the environment's problem, not BitForge's: exit 2
                err.println("bitforge: " + oneLine(ex.getMessage()));
                return BAD_INPUT;
            }
            if (ex instanceof BadInputException) {
                String message = ex instanceof BadRequestException request ? RequestFlags.message(request)
                        : ex.getMessage();
                err.println("bitforge: " + oneLine(message));
                if (debug) {
                    ex.printStackTrace(err);
                }
                return BAD_INPUT;
            }
            if (ex instanceof ArithmeticException && ex.getMessage() != null
                    && ex.getMessage().endsWith(" overflow")) {
                // a Math.*Exact guard tripped: the sizes, counts or rates asked for make a cycle, byte or MAC count
                // pass the 64-bit range, which no bound checked up front caught; bad input, not a wrong number
                err.println("bitforge: the sizes, counts or rates asked for make a count pass the 64-bit range ("
                        + oneLine(ex.getMessage()) + "); make them smaller (see docs/limits.md)");
                if (debug) {
                    ex.printStackTrace(err);
                }
                return BAD_INPUT;
            }
            return internalError(err, ex, debug);
        });
        int code = commandLine.execute(args.toArray(String[]::new));
        if (code == OK) {
            context.notes().print();
        } else {
            context.notes().drop();
        }
        if (out.checkError() && code == OK) {
            // a closed pipe or a full disk behind stdout: the output is lost, so the run did not succeed
            err.println("bitforge: cannot write standard output (closed pipe or full disk)");
            return INTERNAL_ERROR;
        }
        return code;
    }

    private static String name(Object command) {
        return command.getClass().getAnnotation(Command.class).name();
    }

    private static int internalError(PrintStream err, Throwable ex, boolean debug) {
        err.println("bitforge: internal error: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage()))
                + (debug ? "" : " (run again with --debug for the stack trace)"));
        if (debug) {
            ex.printStackTrace(err);
        }
        return INTERNAL_ERROR;
    }

    private static String oneLine(String message) {
        return message == null ? "" : ToolTimeout.forUser(message.strip().replaceAll("\\s*\\R\\s*", "; "));
    }
}
