package io.bitforge.verilog.ladder;

/** One rung of the ladder: its name, whether it held, and what was compared (or the first difference). */
public record LevelResult(String level, boolean passed, String detail) {
}
