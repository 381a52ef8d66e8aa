package io.bitforge.verilog.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Project IceStorm: {@code icepack} (ASCII bitstream to binary) and {@code icetime} (static timing). */
public final class IceStorm {
    private static final Pattern PATH_DELAY = Pattern.compile("Total path delay: ([0-9.]+) ns \\(([0-9.]+) MHz\\)");

    private IceStorm() {
    }

    /** Packs {@code asc} into {@code bin}; returns the bitstream size in bytes. */
    public static long pack(Path dir, String asc, String bin) {
        ToolRunner.run(dir, Duration.ofSeconds(60), List.of("icepack", asc, bin)).orThrow();
        try {
            return Files.size(dir.resolve(bin));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** icetime's worst-path estimate in MHz for {@code asc} on {@code device} / {@code pkg}. */
    public static double timingMhz(Path dir, String device, String pkg, String pcf, String asc) {
        ToolResult r = ToolRunner.run(dir, Duration.ofSeconds(120),
                List.of("icetime", "-d", device, "-P", pkg, "-p", pcf, "-t", asc)).orThrow();
        Matcher m = PATH_DELAY.matcher(r.stdout());
        if (!m.find()) {
            throw new ToolException("icetime printed no 'Total path delay' line:\n" + ToolResult.tail(r.stdout(), 2000));
        }
        return Double.parseDouble(m.group(2));
    }
}
