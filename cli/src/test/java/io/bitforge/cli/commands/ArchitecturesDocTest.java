package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every option docs/architectures.md quotes is an option of simulate or roofline. */
class ArchitecturesDocTest {
    @Test
    void quotedOptionsExist() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "architectures.md"), StandardCharsets.UTF_8);
        String help = CliHarness.run("simulate", "--help").stdout() + CliHarness.run("roofline", "--help").stdout();
        Matcher option = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(doc);
        int checked = 0;
        while (option.find()) {
            assertTrue(help.contains(option.group()), option.group() + " is quoted in docs/architectures.md");
            checked++;
        }
        assertTrue(checked > 10, "found only " + checked + " options");
    }
}
