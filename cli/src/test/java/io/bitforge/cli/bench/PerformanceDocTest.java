package io.bitforge.cli.bench;

import io.bitforge.cli.commands.BenchCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/performance.md lists exactly bench's units, and quotes only options bench has. */
class PerformanceDocTest {
    private static final Path DOC = Path.of("..", "docs", "performance.md");

    @Test
    void unitTableNamesEveryBenchmarkInOrder() throws IOException {
        List<String> names = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|").matcher(Files.readString(DOC));
        while (row.find()) {
            names.add(row.group(1));
        }
        assertEquals(BenchCases.names(), names);
    }

    @Test
    void quotedBenchOptionsExist() throws IOException {
        CommandLine bench = new CommandLine(new BenchCommand(null));
        Matcher line = Pattern.compile("(?m)^\\./bitforge bench(.*)$").matcher(Files.readString(DOC));
        int lines = 0;
        while (line.find()) {
            lines++;
            Matcher option = Pattern.compile("(--[a-z-]+)").matcher(line.group(1));
            while (option.find()) {
                assertTrue(bench.getCommandSpec().findOption(option.group(1)) != null, option.group(1));
            }
        }
        assertTrue(lines >= 3, "the page shows how to run bench");
    }
}
