package io.bitforge.verilog.tools;

import java.time.Duration;

/** A cosimulation run: whether the Verilog simulator reproduced the Java trace, and its log. */
public record CosimResult(String simulator, boolean passed, int cycles, String log, Duration elapsed) {
}
