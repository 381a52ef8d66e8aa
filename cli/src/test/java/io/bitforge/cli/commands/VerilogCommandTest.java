package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import io.bitforge.verilog.tools.ToolResult;
import io.bitforge.verilog.tools.Verilator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerilogCommandTest {

    @Test
    void emitsTheArrayBehindTheWrapper(@TempDir Path dir) throws Exception {
        CliHarness.Result r = CliHarness.run("verilog", "--design", "systolic", "--rows", "2", "--cols", "3",
                "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        // PE, array and wrapper, children first
        assertTrue(Files.exists(dir.resolve("mac_pe_d8_a32.v")));
        assertTrue(Files.exists(dir.resolve("systolic_os_r2_c3_d8_a32.v")));
        assertTrue(Files.readString(dir.resolve("top_systolic_os_r2_c3_d8_a32.v"))
                .contains("module top_systolic_os_r2_c3_d8_a32 ("));
        assertTrue(r.stdout().contains("top module top_systolic_os_r2_c3_d8_a32, 3 files"), r.stdout());
    }

    @Test
    void jsonListsTheFiles(@TempDir Path dir) {
        CliHarness.Result r = CliHarness.run("verilog", "--design", "ram", "--out", dir.toString(), "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("\"top\" : \"ram_a8_w16_undefined\"") || r.stdout().contains("\"top\":\"ram_a8_w16_undefined\""),
                r.stdout());
    }

    @Test
    void badInputsAreOneLineWithExitTwo(@TempDir Path dir) {
        CliHarness.Result design = CliHarness.run("verilog", "--design", "gpu", "--out", dir.toString());
        assertEquals(2, design.exitCode());
        assertEquals("bitforge: --design: must be one of systolic, mac16, counter, fifo, ram, got 'gpu'",
                design.stderr().strip());
        CliHarness.Result rows = CliHarness.run("verilog", "--design", "systolic", "--rows", "0", "--out", dir.toString());
        assertEquals(2, rows.exitCode());
        assertEquals("bitforge: --rows: must be 1..32, got 0", rows.stderr().strip());
        CliHarness.Result bits = CliHarness.run("verilog", "--design", "systolic", "--data-bits", "4",
                "--acc-bits", "16", "--out", dir.toString());
        assertEquals(2, bits.exitCode());
        assertTrue(bits.stderr().contains("--data-bits: the byte-serial wrapper needs 8"), bits.stderr());
        CliHarness.Result acc = CliHarness.run("verilog", "--design", "systolic", "--acc-bits", "8",
                "--out", dir.toString());
        assertEquals("bitforge: --acc-bits: must be 16..128, got 8", acc.stderr().strip());
        CliHarness.Result wide = CliHarness.run("verilog", "--design", "systolic", "--acc-bits", "129",
                "--out", dir.toString());
        assertEquals(2, wide.exitCode());
        assertEquals("bitforge: --acc-bits: must be 16..128, got 129", wide.stderr().strip());
    }

    /** A 128-bit accumulator (docs/rtl.md, "Widths"): emitted, lint-clean in Verilator, cosimulated on both tools. */
    @Test
    void oneHundredTwentyEightBitAccumulatorsLintAndCosim(@TempDir Path dir) throws Exception {
        Path v = dir.resolve("v");
        CliHarness.Result r = CliHarness.run("verilog", "--design", "systolic", "--acc-bits", "128",
                "--out", v.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> files;
        try (Stream<Path> s = Files.list(v)) {
            files = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".v")).sorted().toList();
        }
        ToolResult lint = Verilator.lint(v, files, "top_systolic_os_r4_c4_d8_a128");
        assertTrue(lint.ok() && Verilator.warnings(lint) == 0, lint.stdout() + lint.stderr());
        // 32-bit operands: four products of up to 2^62 overflow a long, so the wide path carries the sums
        CliHarness.Result cosim = CliHarness.run("cosim", "--design", "systolic", "--data-bits", "32", "--acc-bits",
                "128", "--rows", "2", "--cols", "2", "--k", "4", "--seed", "5", "--simulator", "both", "--json", "-");
        assertEquals(0, cosim.exitCode(), cosim.stderr() + cosim.stdout());
        JsonNode json = Json.mapper().readTree(cosim.stdout());
        assertTrue(json.at("/functionalCheck/passed").asBoolean(), cosim.stdout());
        assertEquals(2, json.at("/runs").size());
        assertTrue(json.at("/runs/0/passed").asBoolean() && json.at("/runs/1/passed").asBoolean(), cosim.stdout());
    }
}
