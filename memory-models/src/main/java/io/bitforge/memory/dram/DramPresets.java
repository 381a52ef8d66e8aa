package io.bitforge.memory.dram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in DRAM presets. Interface figures (channels, widths, data rates, burst lengths) come from the JEDEC
 * standards; each configuration is sized like a named shipping product so that its peak bandwidth can be
 * checked against that product's datasheet. Latency, energy per bit and sustained efficiency vary with the
 * controller and access pattern and are marked as estimates.
 */
public final class DramPresets {
    private static final long GIB = 1L << 30;

    private static final String EFFICIENCY = "estimate: fraction of peak a streaming read sustains after refresh, "
            + "bank and bus-turnaround overheads";
    private static final String LATENCY = "estimate: row activate (tRCD) plus read latency of the standard's "
            + "fastest speed bin, idle bank";

    private DramPresets() {
    }

    /** Every preset, in a fixed order. */
    public static List<DramPreset> all() {
        return List.of(ddr4_3200(), lpddr4x_4266(), lpddr5_6400(), gddr6(), hbm2(), hbm2e(), hbm3());
    }

    /** One 64-bit DDR4-3200 DIMM channel (module name PC4-25600). */
    public static DramPreset ddr4_3200() {
        Sources s = new Sources()
                .put("channels", "one x64 DIMM channel (configuration)")
                .put("channelWidthBits", "JEDEC JESD79-4 DDR4 SDRAM: 64-bit DIMM data bus")
                .put("gigabitsPerSecondPerPin", "JEDEC JESD79-4 speed bin DDR4-3200: 3200 MT/s")
                .put("capacityBytes", "one 16 GiB DIMM (configuration)")
                // 22 tCK (tRCD) + 22 tCK (CL) at tCK = 0.625 ns = 27.5 ns.
                .put("latencyNanoseconds", "JEDEC JESD79-4 DDR4-3200AA (22-22-22): tRCD + CL = 44 tCK x 0.625 ns")
                .put("burstLength", "JEDEC JESD79-4: BL8")
                .put("picojoulesPerBit", "estimate: DDR4 I/O plus array energy is commonly put at 15-20 pJ/bit")
                .put("sustainedEfficiency", EFFICIENCY);
        return new DramPreset("ddr4-3200", "DDR4-3200, one 64-bit DIMM channel", 1, 64, 3.2, 16 * GIB, 27.5, 8,
                15.0, 0.75, s.map, Set.of("picojoulesPerBit", "sustainedEfficiency"));
    }

    /** LPDDR4X-4266 on a 128-bit package interface (8 x16 channels), as in Apple's M1. */
    public static DramPreset lpddr4x_4266() {
        Sources s = new Sources()
                .put("channels", "8 x16 channels = 128-bit interface, as in Apple M1 (configuration)")
                .put("channelWidthBits", "JEDEC JESD209-4 LPDDR4: 16-bit channel")
                .put("gigabitsPerSecondPerPin", "JEDEC JESD209-4-1 LPDDR4X: 4266 MT/s")
                .put("capacityBytes", "16 GiB, as in Apple M1 (configuration)")
                .put("latencyNanoseconds", LATENCY)
                .put("burstLength", "JEDEC JESD209-4: BL16")
                .put("picojoulesPerBit", "estimate: LPDDR4X energy is commonly put at 4-6 pJ/bit")
                .put("sustainedEfficiency", EFFICIENCY);
        return new DramPreset("lpddr4x", "LPDDR4X-4266, 128-bit package interface", 8, 16, 4.266, 16 * GIB, 36.0,
                16, 5.0, 0.70, s.map, Set.of("latencyNanoseconds", "picojoulesPerBit", "sustainedEfficiency"));
    }

    /** LPDDR5-6400 on a 256-bit interface (16 x16 channels), as on NVIDIA Jetson AGX Orin 64GB. */
    public static DramPreset lpddr5_6400() {
        Sources s = new Sources()
                .put("channels", "16 x16 channels = 256-bit interface, as on NVIDIA Jetson AGX Orin (configuration)")
                .put("channelWidthBits", "JEDEC JESD209-5 LPDDR5: 16-bit channel")
                .put("gigabitsPerSecondPerPin", "JEDEC JESD209-5 LPDDR5: 6400 MT/s")
                .put("capacityBytes", "64 GiB, as on NVIDIA Jetson AGX Orin 64GB (configuration)")
                .put("latencyNanoseconds", LATENCY)
                .put("burstLength", "JEDEC JESD209-5: BL16")
                .put("picojoulesPerBit", "estimate: LPDDR5 energy is commonly put at 3.5-5 pJ/bit")
                .put("sustainedEfficiency", EFFICIENCY);
        return new DramPreset("lpddr5", "LPDDR5-6400, 256-bit interface", 16, 16, 6.4, 64 * GIB, 36.0, 16, 4.0,
                0.70, s.map, Set.of("latencyNanoseconds", "picojoulesPerBit", "sustainedEfficiency"));
    }

    /** GDDR6 at 16 Gb/s on a 384-bit board interface (12 devices of 2 x16 channels), as on NVIDIA RTX A6000. */
    public static DramPreset gddr6() {
        Sources s = new Sources()
                .put("channels", "12 devices x 2 channels = 384-bit interface, as on NVIDIA RTX A6000 (configuration)")
                .put("channelWidthBits", "JEDEC JESD250 GDDR6: two independent 16-bit channels per device")
                .put("gigabitsPerSecondPerPin", "JEDEC JESD250 GDDR6 at 16 Gb/s per pin (NVIDIA RTX A6000 datasheet)")
                .put("capacityBytes", "48 GiB, as on NVIDIA RTX A6000 (configuration)")
                .put("latencyNanoseconds", LATENCY)
                .put("burstLength", "JEDEC JESD250 GDDR6: BL16")
                .put("picojoulesPerBit", "estimate: GDDR6 energy is commonly put at 7-8 pJ/bit")
                .put("sustainedEfficiency", EFFICIENCY);
        return new DramPreset("gddr6", "GDDR6 16 Gb/s, 384-bit board interface", 24, 16, 16.0, 48 * GIB, 30.0, 16,
                7.5, 0.85, s.map, Set.of("latencyNanoseconds", "picojoulesPerBit", "sustainedEfficiency"));
    }

    /** One HBM2 stack: 1024 bits as 16 pseudo-channels of 64 bits at 2.0 Gb/s. */
    public static DramPreset hbm2() {
        Sources s = new Sources()
                .put("channels", "JEDEC JESD235A HBM2: 8 channels of 128 bits, each 2 pseudo-channels of 64 bits")
                .put("channelWidthBits", "JEDEC JESD235A HBM2: 64-bit pseudo-channel")
                .put("gigabitsPerSecondPerPin", "JEDEC JESD235A HBM2: 2 Gb/s per pin")
                .put("capacityBytes", "JEDEC JESD235A HBM2: 8-high stack of 8 Gb dies = 8 GiB")
                .put("latencyNanoseconds", LATENCY)
                .put("burstLength", "JEDEC JESD235A HBM2 pseudo-channel mode: BL4")
                .put("picojoulesPerBit", "O'Connor et al., Fine-Grained DRAM, MICRO 2017: HBM2 about 3.9 pJ/bit")
                .put("sustainedEfficiency", EFFICIENCY);
        return new DramPreset("hbm2", "HBM2, one 1024-bit stack at 2.0 Gb/s", 16, 64, 2.0, 8 * GIB, 40.0, 4, 3.9,
                0.85, s.map, Set.of("latencyNanoseconds", "sustainedEfficiency"));
    }

    /** One HBM2E stack at 3.2 Gb/s, as Samsung's Flashbolt. */
    public static DramPreset hbm2e() {
        Sources s = new Sources()
                .put("channels", "JEDEC JESD235C HBM2E: 8 channels of 128 bits, each 2 pseudo-channels of 64 bits")
                .put("channelWidthBits", "JEDEC JESD235C HBM2E: 64-bit pseudo-channel")
                .put("gigabitsPerSecondPerPin", "Samsung HBM2E Flashbolt: 3.2 Gb/s per pin")
                .put("capacityBytes", "Samsung HBM2E Flashbolt: 16 GiB per stack")
                .put("latencyNanoseconds", LATENCY)
                .put("burstLength", "JEDEC JESD235C HBM2E pseudo-channel mode: BL4")
                .put("picojoulesPerBit", "estimate: taken equal to HBM2 (O'Connor et al., MICRO 2017)")
                .put("sustainedEfficiency", EFFICIENCY);
        return new DramPreset("hbm2e", "HBM2E, one 1024-bit stack at 3.2 Gb/s", 16, 64, 3.2, 16 * GIB, 40.0, 4,
                3.9, 0.85, s.map, Set.of("latencyNanoseconds", "picojoulesPerBit", "sustainedEfficiency"));
    }

    /** One HBM3 stack: 1024 bits as 32 pseudo-channels of 32 bits at 6.4 Gb/s. */
    public static DramPreset hbm3() {
        Sources s = new Sources()
                .put("channels", "JEDEC JESD238 HBM3: 16 channels of 64 bits, each 2 pseudo-channels of 32 bits")
                .put("channelWidthBits", "JEDEC JESD238 HBM3: 32-bit pseudo-channel")
                .put("gigabitsPerSecondPerPin", "JEDEC JESD238 HBM3: 6.4 Gb/s per pin")
                .put("capacityBytes", "16 GiB, an 8-high stack of 16 Gb dies (configuration)")
                .put("latencyNanoseconds", LATENCY)
                .put("burstLength", "JEDEC JESD238 HBM3: BL8")
                .put("picojoulesPerBit", "estimate: somewhat below HBM2's 3.9 pJ/bit (O'Connor et al., MICRO 2017)")
                .put("sustainedEfficiency", EFFICIENCY);
        return new DramPreset("hbm3", "HBM3, one 1024-bit stack at 6.4 Gb/s", 32, 32, 6.4, 16 * GIB, 40.0, 8, 3.5,
                0.85, s.map, Set.of("latencyNanoseconds", "picojoulesPerBit", "sustainedEfficiency"));
    }

    private static final class Sources {
        private final Map<String, String> map = new LinkedHashMap<>();

        Sources put(String figure, String source) {
            map.put(figure, source);
            return this;
        }
    }
}
