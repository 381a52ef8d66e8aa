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
                15.0, 0.75, s.map, Set.of("picojoulesPerBit", "sustainedEfficiency")).withRowBuffer(ddr4Timing());
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
                16, 5.0, 0.70, s.map, Set.of("latencyNanoseconds", "picojoulesPerBit", "sustainedEfficiency"))
                .withRowBuffer(lpddr4xTiming());
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
                0.70, s.map, Set.of("latencyNanoseconds", "picojoulesPerBit", "sustainedEfficiency"))
                .withRowBuffer(lpddr5Timing());
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
                7.5, 0.85, s.map, Set.of("latencyNanoseconds", "picojoulesPerBit", "sustainedEfficiency"))
                .withRowBuffer(gddr6Timing());
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
                0.85, s.map, Set.of("latencyNanoseconds", "sustainedEfficiency")).withRowBuffer(hbmTiming("HBM2"));
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
                3.9, 0.85, s.map, Set.of("latencyNanoseconds", "picojoulesPerBit", "sustainedEfficiency"))
                .withRowBuffer(hbmTiming("HBM2E"));
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
                0.85, s.map, Set.of("latencyNanoseconds", "picojoulesPerBit", "sustainedEfficiency"))
                .withRowBuffer(hbmTiming("HBM3"));
    }

    /** One rank of eight x8 8 Gb DDR4-3200AA devices (22-22-22 at tCK 0.625 ns). */
    static RowBufferTiming ddr4Timing() {
        Sources s = new Sources()
                .put("tRCD", "JEDEC JESD79-4 DDR4-3200AA: 22 tCK x 0.625 ns")
                .put("tRP", "JEDEC JESD79-4 DDR4-3200AA: 22 tCK x 0.625 ns")
                .put("CL", "JEDEC JESD79-4 DDR4-3200AA: 22 tCK x 0.625 ns")
                .put("tRAS", "JEDEC JESD79-4 DDR4-3200: tRAS(min) 32 ns")
                .put("tRRD", "JEDEC JESD79-4 DDR4-3200, 1 KB page: tRRD_S max(4 tCK, 2.5 ns)")
                .put("tFAW", "JEDEC JESD79-4 DDR4-3200, 1 KB page: tFAW 21 ns (34 tCK in DRAMsim3's DDR4_8Gb_x8_3200)")
                .put("banks", "JEDEC JESD79-4 x8 devices: 4 bank groups x 4 banks")
                .put("rowBufferBytes", "JEDEC JESD79-4 x8 devices: 1 KB page, 8 devices per 64-bit rank")
                .put("tRFC", "JEDEC JESD79-4 8 Gb devices: tRFC1 350 ns")
                .put("tREFI", "JEDEC JESD79-4: tREFI 7.8 us below 85 C");
        return new RowBufferTiming(13.75, 13.75, 13.75, 32, 2.5, 21, 16, 8192, 350, 7800, s.map, Set.of());
    }

    /** One x16 LPDDR4X channel of 8 Gb at 4266 MT/s (tCK 0.469 ns). */
    static RowBufferTiming lpddr4xTiming() {
        Sources s = new Sources()
                .put("tRCD", "JEDEC JESD209-4 LPDDR4: tRCD max(18 ns, 4 tCK)")
                .put("tRP", "JEDEC JESD209-4 LPDDR4: tRPpb max(18 ns, 4 tCK)")
                .put("CL", "JEDEC JESD209-4 LPDDR4 at 4266 MT/s: RL 36 tCK (DBI off) x 0.469 ns")
                .put("tRAS", "JEDEC JESD209-4 LPDDR4: tRAS max(42 ns, 3 tCK)")
                .put("tRRD", "JEDEC JESD209-4 LPDDR4: tRRD max(10 ns, 4 tCK)")
                .put("tFAW", "JEDEC JESD209-4 LPDDR4: tFAW 40 ns (taken at every speed)")
                .put("banks", "JEDEC JESD209-4 LPDDR4: 8 banks per channel")
                .put("rowBufferBytes", "JEDEC JESD209-4 LPDDR4: 2 KB page per x16 channel")
                .put("tRFC", "JEDEC JESD209-4 LPDDR4, 8 Gb per channel: tRFCab 280 ns")
                .put("tREFI", "JEDEC JESD209-4 LPDDR4: tREFI 3.904 us");
        return new RowBufferTiming(18, 18, 16.9, 42, 10, 40, 8, 2048, 280, 3904, s.map, Set.of("tFAW"));
    }

    /** One x16 LPDDR5 channel at 6400 MT/s in 4-bank-group mode. */
    static RowBufferTiming lpddr5Timing() {
        Sources s = new Sources()
                .put("tRCD", "JEDEC JESD209-5 LPDDR5: tRCD 18 ns")
                .put("tRP", "JEDEC JESD209-5 LPDDR5: tRPpb 18 ns")
                .put("CL", "estimate: read latency about 17 ns at 6400 MT/s")
                .put("tRAS", "JEDEC JESD209-5 LPDDR5: tRAS 42 ns")
                .put("tRRD", "estimate: tRRD 5 ns")
                .put("tFAW", "estimate: tFAW 20 ns")
                .put("banks", "JEDEC JESD209-5 LPDDR5 bank-group mode: 4 bank groups x 4 banks")
                .put("rowBufferBytes", "JEDEC JESD209-5 LPDDR5: 2 KB page per x16 channel")
                .put("tRFC", "estimate: tRFCab 280 ns, as LPDDR4 at 8 Gb per channel")
                .put("tREFI", "JEDEC JESD209-5 LPDDR5: tREFI 3.904 us");
        return new RowBufferTiming(18, 18, 17, 42, 5, 20, 16, 2048, 280, 3904, s.map,
                Set.of("CL", "tRRD", "tFAW", "tRFC"));
    }

    /** One x16 GDDR6 channel; core timings from DRAMsim3's GDDR6 configuration (cycles of 0.66 ns). */
    static RowBufferTiming gddr6Timing() {
        String dramsim = "estimate: DRAMsim3 configs/GDDR6_8Gb_x16.ini (Li et al., IEEE CAL 2020), ";
        Sources s = new Sources()
                .put("tRCD", dramsim + "taken equal to its tRP, 24 x 0.66 ns")
                .put("tRP", dramsim + "24 x 0.66 ns")
                .put("CL", dramsim + "24 x 0.66 ns")
                .put("tRAS", dramsim + "54 x 0.66 ns")
                .put("tRRD", dramsim + "9 x 0.66 ns")
                .put("tFAW", dramsim + "32 x 0.66 ns")
                .put("banks", "JEDEC JESD250 GDDR6: 4 bank groups x 4 banks per channel")
                .put("rowBufferBytes", "JEDEC JESD250 GDDR6: 2 KB page per channel")
                .put("tRFC", dramsim + "126 x 0.66 ns")
                .put("tREFI", dramsim + "11862 x 0.66 ns");
        return new RowBufferTiming(15.84, 15.84, 15.84, 35.64, 5.94, 21.12, 16, 2048, 83.16, 7828.92, s.map,
                Set.of("tRCD", "tRP", "CL", "tRAS", "tRRD", "tFAW", "tRFC", "tREFI"));
    }

    /**
     * One 64-bit (HBM2, HBM2E) or 32-bit (HBM3) pseudo-channel; core timings from DRAMsim3's HBM2 configuration at
     * tCK 1 ns, taken for HBM2E and HBM3 too.
     */
    static RowBufferTiming hbmTiming(String generation) {
        String dramsim = "estimate: DRAMsim3 configs/HBM2_8Gb_x128.ini (Li et al., IEEE CAL 2020), ";
        String carried = generation.equals("HBM2") ? "" : ", taken for " + generation;
        Sources s = new Sources()
                .put("tRCD", dramsim + "taken equal to its tRP, 14 x 1 ns" + carried)
                .put("tRP", dramsim + "14 x 1 ns" + carried)
                .put("CL", dramsim + "14 x 1 ns" + carried)
                .put("tRAS", dramsim + "34 x 1 ns" + carried)
                .put("tRRD", dramsim + "tRRD_S 4 x 1 ns" + carried)
                .put("tFAW", dramsim + "30 x 1 ns" + carried)
                .put("banks", dramsim + "4 bank groups x 4 banks" + carried)
                .put("rowBufferBytes", "estimate: 1 KB page per pseudo-channel (HBM2's 2 KB per 128-bit channel, "
                        + "halved)" + carried)
                .put("tRFC", dramsim + "260 x 1 ns" + carried)
                .put("tREFI", "JEDEC JESD235 HBM: tREFI 3.9 us" + carried);
        Set<String> estimates = new java.util.HashSet<>(RowBufferTiming.FIGURES);
        if (generation.equals("HBM2")) {
            estimates.remove("tREFI");
        }
        return new RowBufferTiming(14, 14, 14, 34, 4, 30, 16, 1024, 260, 3900, s.map, estimates);
    }

    private static final class Sources {
        private final Map<String, String> map = new LinkedHashMap<>();

        Sources put(String figure, String source) {
            map.put(figure, source);
            return this;
        }
    }
}
