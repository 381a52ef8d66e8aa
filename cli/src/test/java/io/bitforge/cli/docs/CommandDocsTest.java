package io.bitforge.cli.docs;

import io.bitforge.cli.CommandHelp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every command has a page {@code docs/commands/NAME.md} whose options block is exactly what
 * {@code bitforge NAME --help} prints, so the reference cannot drift from the CLI. After adding or changing an
 * option, run this test with {@code -Dbitforge.docs.update=true} to rewrite the blocks (the prose stays as
 * written), then review the diff.
 */
class CommandDocsTest {
    static final Path COMMANDS = Path.of("..", "docs", "commands");
    static final String BEGIN = "<!-- options: generated from `bitforge %s --help`; checked by CommandDocsTest -->";
    static final String END = "<!-- end of options -->";

    @Test
    void everyCommandPageQuotesItsLiveHelp() throws IOException {
        boolean update = Boolean.getBoolean("bitforge.docs.update");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> command : CommandHelp.all().entrySet()) {
            Path page = COMMANDS.resolve(command.getKey() + ".md");
            if (!Files.exists(page)) {
                problems.add(page + ": missing (one page per command)");
                continue;
            }
            String text = Files.readString(page, StandardCharsets.UTF_8);
            String block = OptionsBlock.render(command.getKey(), command.getValue());
            String updated = OptionsBlock.replace(text, command.getKey(), block);
            if (!updated.equals(text)) {
                if (update) {
                    Files.writeString(page, updated, StandardCharsets.UTF_8);
                } else {
                    problems.add(page + ": its options block differs from `bitforge " + command.getKey()
                            + " --help`" + OptionsBlock.firstDifference(text, updated));
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems)
                    + "\n(run CommandDocsTest with -Dbitforge.docs.update=true to regenerate the options blocks)");
        }
    }

    @Test
    void theCommandIndexLinksEveryCommandPage() throws IOException {
        String index = Files.readString(COMMANDS.resolveSibling("commands.md"), StandardCharsets.UTF_8);
        for (String name : CommandHelp.all().keySet()) {
            assertTrue(index.contains("(commands/" + name + ".md)"), "docs/commands.md does not link " + name);
        }
    }
}
