package io.bitforge.cli;

import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What docs/java-api.md and docs/extending.md point at exists: every flag they quote and every flag
 * {@link RequestFlags} maps a request field to is an option of some command; every project file they name is there.
 */
class DocsReferenceTest {
    private static final Path DOCS = Path.of("..", "docs");

    private static Set<String> cliFlags() {
        CliContext context = new CliContext(Registry.load(), System.out, System.err, false);
        CommandLine root = new CommandLine(new BitForge(context));
        BitForge.commands(context).forEach(root::addSubcommand);
        Set<String> flags = new TreeSet<>();
        for (CommandLine command : root.getSubcommands().values()) {
            command.getCommandSpec().options().forEach(option -> flags.addAll(List.of(option.names())));
        }
        return flags;
    }

    @Test
    void everyFlagTheRequestFieldsMapToIsAnOption() {
        Set<String> flags = cliFlags();
        for (String field : List.of("hardware", "workload", "modelConfig", "device", "phase", "batch", "prompt",
                "context", "generate", "quant", "attention", "lmHead", "steps", "resolution", "guidance",
                "textEncoder", "vaeDecoder", "svdquantRank", "directory", "strategy", "resume", "out", "in",
                "queryBlock", "tensorParallel", "linkGigabytesPerSecond", "m", "k", "n", "bandwidthBytesPerCycle")) {
            String flag = RequestFlags.flag(field);
            assertTrue(flags.contains(flag), field + " maps to " + flag + ", which no command has");
        }
        assertEquals("PAPER", RequestFlags.flag("paper"));
        assertEquals("--device/--hw", RequestFlags.flag("device/hardware"));
    }

    @Test
    void theFlagsTheJavaApiPageQuotesExist() throws Exception {
        Set<String> flags = cliFlags();
        Matcher quoted = Pattern.compile("(?<![\\w-])(--[a-z][a-z-]*)").matcher(
                Files.readString(DOCS.resolve("java-api.md")));
        List<String> seen = new ArrayList<>();
        while (quoted.find()) {
            seen.add(quoted.group(1));
            assertTrue(flags.contains(quoted.group(1)), quoted.group(1) + " is quoted but no command has it");
        }
        assertTrue(seen.containsAll(List.of("--mapping", "--json", "--batch", "--hw")), seen.toString());
    }

    @Test
    void theFilesTheExtensionPageNamesExist() throws Exception {
        Matcher named = Pattern.compile("`([a-z-]+/src/[^`<>*]+)`").matcher(
                Files.readString(DOCS.resolve("extending.md")));
        int count = 0;
        while (named.find()) {
            Path file = Path.of("..").resolve(named.group(1));
            assertTrue(Files.exists(file), named.group(1) + " is named in docs/extending.md but does not exist");
            count++;
        }
        assertTrue(count >= 8, "expected the page to name its files, found " + count);
        Map<String, String> examples = Map.of("examples/java/CustomPeFamily.java", "a custom family");
        examples.keySet().forEach(f -> assertTrue(Files.exists(Path.of("..").resolve(f)), f));
    }
}
