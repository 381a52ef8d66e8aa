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
}
