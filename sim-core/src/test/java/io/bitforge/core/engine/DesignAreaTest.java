package io.bitforge.core.engine;

import io.bitforge.core.cost.Provenance;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.VectorUnitSpec;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SRAM and vector-unit area against their published figures, derived by hand. */
class DesignAreaTest {
    /** TSMC N3E: 31.8 Mib per mm² with a 0.021 µm² cell (IEDM 2022) -> µm² per bit over the bitcell. */
    private static final double OVERHEAD = 1e6 / (31.8 * 1024 * 1024) / 0.021;

    @Test
    void sramAreaIsBitsTimesBitcellTimesArrayOverhead() {
        // 1 mm² / 33,344,716.8 bits = 0.029989 µm² per bit at N3E, / 0.021 = 1.428 x the cell
        assertEquals(1.428, OVERHEAD, 0.001);
        // 28 nm: 0.127 x 1.428 = 0.1814 µm² per bit; a 32 KiB buffer (262,144 bits): 0.0475 mm²
        assertEquals(0.1814, SramArea.squareMicrometresPerBit(TechNode.N28), 0.0001);
        assertEquals(262144 * 0.127 * OVERHEAD, SramArea.squareMicrometres(new BufferSpec(32, 1, 1, 128),
                TechNode.N28), 1e-6);
        // 7 nm: 0.027 x 1.428 = 0.0386 µm² per bit: 26 Mib per mm², the order of TSMC's N7 macros
        assertEquals(0.027 * OVERHEAD, SramArea.squareMicrometresPerBit(TechNode.N7), 1e-12);
        // TSMC's 7 nm 256 Mb test chip (ISSCC 2017) is a 42.64 mm² die: its bits alone need 10.4 mm² here, so
        // the model stays below the die (which also holds test periphery and I/O)
        double chip = 256.0 * 1024 * 1024 * SramArea.squareMicrometresPerBit(TechNode.N7) / 1e6;
        assertEquals(10.4, chip, 0.05);
        assertTrue(chip < 42.64);
        assertEquals(Provenance.DERIVED, SramArea.SOURCE.provenance());
    }

    @Test
    void vectorUnitAreaIsAnAdderAndAMultiplierPerLane() {
        // Horowitz ISSCC 2014, 45 nm: FP16 add 1360 + multiply 1640 = 3000 µm² per lane; 32 lanes = 96,000 µm²
        assertEquals(96000, VectorUnitArea.squareMicrometres(new VectorUnitSpec(32, 16), TechNode.N45), 1e-9);
        // FP32: 4184 + 7700 = 11,884 µm² per lane
        assertEquals(64 * 11884, VectorUnitArea.squareMicrometres(new VectorUnitSpec(64, 32), TechNode.N45), 1e-9);
        assertTrue(VectorUnitArea.SOURCE.estimate());
    }

    @Test
    void extraPortsGrowTheCellAndExtraBanksAddPeriphery() {
        // CACTI's cell: 146 F² at aspect 1.46 = 10 F x 14.6 F; each extra port adds 2 x 2.5 F each way:
        // 2 ports 15 x 19.6 = 294 F² (2.014x), 3 ports 20 x 24.6 = 492 F² (3.370x), 4 ports 25 x 29.6 = 740 F² (5.068x)
        assertEquals(1.0, SramArea.portFactor(1), 1e-12);
        assertEquals(294.0 / 146, SramArea.portFactor(2), 1e-12);
        assertEquals(492.0 / 146, SramArea.portFactor(3), 1e-12);
        assertEquals(740.0 / 146, SramArea.portFactor(4), 1e-12);
        // whole-macro CACTI 7 runs (32 nm, 32 KiB, 128-bit words, area-optimised): 2.05x, 3.44x, 5.22x
        assertEquals(2.05, SramArea.portFactor(2), 0.05);
        assertEquals(3.44, SramArea.portFactor(3), 0.1);
        assertEquals(5.22, SramArea.portFactor(4), 0.2);

        double one = SramArea.squareMicrometres(new BufferSpec(32, 1, 1, 128), TechNode.N28);
        double twoPorts = SramArea.squareMicrometres(new BufferSpec(32, 1, 2, 128), TechNode.N28);
        assertEquals(one * 294 / 146, twoPorts, 1e-6);
        // 8 banks at 32 nm: 7 extra banks x 128 word bits x 57 µm² = 51,072 µm² beyond one bank; CACTI 7 gives
        // 0.1047 - 0.0555 = 0.0492 mm² for the same split
        double oneBank32 = SramArea.squareMicrometres(new BufferSpec(32, 1, 1, 128), TechNode.N32);
        double eightBanks32 = SramArea.squareMicrometres(new BufferSpec(32, 8, 1, 128), TechNode.N32);
        assertEquals(7 * 128 * 57.0, eightBanks32 - oneBank32, 1e-6);
        assertEquals(49200, eightBanks32 - oneBank32, 0.1 * 49200);
        assertTrue(SramArea.squareMicrometres(new BufferSpec(32, 8, 1, 128), TechNode.N28) > one);
        assertEquals(Provenance.ESTIMATE, SramArea.PORTS_BANKS_SOURCE.provenance());
    }
}
