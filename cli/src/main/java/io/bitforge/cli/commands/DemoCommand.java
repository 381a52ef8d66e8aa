package io.bitforge.cli.commands;

import io.bitforge.cli.CliContext;
import io.bitforge.core.registry.CatalogKind;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code bitforge demo}: the main job on embedded defaults. It grows with the project: at each stage it runs
 * the most complete real work available.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run BitForge's main job on built-in defaults and print what it found.")
public final class DemoCommand implements Callable<Integer> {
    private final CliContext context;

    public DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().println("BitForge demo");
        for (CatalogKind kind : CatalogKind.values()) {
            context.out().printf("  %-10s %d registered%n", kind.word(), context.registry().list(kind).size());
        }
        return 0;
    }
}
