package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every option docs/rtl.md quotes (Verilator's aside) exists in {@code bitforge cosim} or {@code bitforge verilog}. */
class RtlDocsTest {
    @Test
    void quotedOptionsExist() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "rtl.md"));
        String help = CliHarness.run("cosim", "--help").stdout() + CliHarness.run("verilog", "--help").stdout();
        Set<String> quoted = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(doc);
        while (m.find()) {
            quoted.add(m.group());
        }
        quoted.remove("--lint-only"); // Verilator's, quoted in the lint section
        assertTrue(quoted.size() >= 10, quoted.toString());
        for (String option : quoted) {
            assertTrue(help.contains(option), option + " is in docs/rtl.md but not in cosim/verilog --help");
        }
    }
}
