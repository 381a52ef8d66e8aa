package io.bitforge.verilog.vcd;

import io.bitforge.verilog.sim.Trace;
import io.bitforge.verilog.sim.TraceSignal;

import java.io.IOException;
import java.math.BigInteger;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link Trace} as a Value Change Dump (IEEE 1364-2005 §18). One cycle is 10 time units
 * ({@code timescale 1ns}): at {@code 10·c} the signals take row c's values and {@code clk} falls; at
 * {@code 10·c + 5} {@code clk} rises (the edge that ends cycle c). Only changes are written. Deterministic:
 * no date line.
 */
public final class VcdWriter {
    private VcdWriter() {
    }

    public static void write(Trace trace, String scope, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(trace, scope, w);
        }
    }

    public static void write(Trace trace, String scope, Writer out) throws IOException {
        out.write("$version BitForge $end\n$timescale 1ns $end\n$scope module " + scope + " $end\n");
        out.write("$var wire 1 ! clk $end\n");
        int n = trace.signals().size();
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            TraceSignal s = trace.signals().get(i);
            ids[i] = id(i + 1);
            out.write("$var wire " + s.shape().width() + " " + ids[i] + " " + s.name() + " $end\n");
        }
        out.write("$upscope $end\n$enddefinitions $end\n");
        BigInteger[] previous = null;
        for (int c = 0; c < trace.cycles(); c++) {
            BigInteger[] row = new BigInteger[n];
            for (int i = 0; i < n; i++) {
                row[i] = trace.pattern(c, i);
            }
            out.write("#" + (10L * c) + "\n");
            out.write("0!\n");
            for (int i = 0; i < n; i++) {
                if (previous == null || !previous[i].equals(row[i])) {
                    int width = trace.signals().get(i).shape().width();
                    out.write(value(row[i], width) + ids[i] + "\n");
                }
            }
            out.write("#" + (10L * c + 5) + "\n1!\n");
            previous = row;
        }
        out.write("#" + (10L * trace.cycles()) + "\n");
    }

    /** A pattern (non-negative, at most {@code width} bits) as a VCD value. */
    private static String value(BigInteger pattern, int width) {
        if (width == 1) {
            return pattern.testBit(0) ? "1" : "0";
        }
        return "b" + pattern.toString(2) + " ";
    }

    /** Identifier codes from the printable ASCII range 33..126, as the standard allows. */
    private static String id(int index) {
        StringBuilder sb = new StringBuilder();
        int i = index;
        do {
            sb.append((char) (33 + i % 94));
            i /= 94;
        } while (i > 0);
        return sb.toString();
    }
}
