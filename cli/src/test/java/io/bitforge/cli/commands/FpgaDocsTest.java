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

/** Every option docs/fpga.md quotes (besides nextpnr's) exists in {@code bitforge fpga} or {@code fpga-run}. */
class FpgaDocsTest {
    @Test
    void quotedOptionsExist() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "fpga.md"));
        String help = CliHarness.run("fpga", "--help").stdout() + CliHarness.run("fpga-run", "--help").stdout();
        Set<String> quoted = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(doc);
        while (m.find()) {
            quoted.add(m.group());
        }
        quoted.remove("--pcf-allow-unconstrained"); // nextpnr-ice40's, which board builds leave out
        assertTrue(quoted.size() >= 10, quoted.toString());
        for (String option : quoted) {
            assertTrue(help.contains(option), option + " is in docs/fpga.md but not in fpga/fpga-run --help");
        }
    }
}
