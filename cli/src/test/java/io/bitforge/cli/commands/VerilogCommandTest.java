package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
        assertEquals("bitforge: --acc-bits: must be 16..64, got 8", acc.stderr().strip());
    }
}
