package io.bitforge.verilog.fpga;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where synthesis puts a design's multipliers on an iCE40: all into SB_MAC16 DSP blocks ({@code synth_ice40 -dsp};
 * more multipliers than the part has DSPs then fail in place and route), all into logic cells ({@code synth_ice40}
 * without {@code -dsp}), or DSP blocks first and logic for the rest ({@link Ice40Synthesis}; the "8 DSP +
 * shift-add" rows of the toolchain study, which fit the largest INT8 arrays on an UP5K).
 */
public enum MultiplierMapping {
    DSP, LOGIC, AUTO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MultiplierMapping> of(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(MultiplierMapping::id).toList();
    }
}
