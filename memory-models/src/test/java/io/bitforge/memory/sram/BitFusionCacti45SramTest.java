package io.bitforge.memory.sram;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bit Fusion's own CACTI 45 nm banks (hsharma35/bitfusion bitfusion/sram/cacti_sweep.csv, read_energy_nJ and
 * write_energy_nJ of its 0.045 µm rows), per bit of a 32-bit word. The artefact's notebook prints the same figures
 * rounded (bitfusion-generate-graphs.ipynb: WBUF 0.021 / 0.029, IBUF 0.059 / 0.114, OBUF 0.033 / 0.073 pJ/bit).
 */
class BitFusionCacti45SramTest {
    private static final double EPS = 1e-12;
    private final BitFusionCacti45Sram sram = new BitFusionCacti45Sram();

    @Test
    void theThreeBanksPerBit() {
        // weights: 64 KiB in 512 banks (one per unit of 16 x 32) = 128-byte banks
        BufferSpec weights = new BufferSpec(64, 512, 1, 32);
        assertEquals(0.683701 / 32, sram.readPicojoulesPerBit(weights), EPS);
        assertEquals(0.925317 / 32, sram.writePicojoulesPerBit(weights), EPS);
        assertEquals(0.021, sram.readPicojoulesPerBit(weights), 0.0005);
        // activations: 32 KiB in 16 banks (one per row) = 2048-byte banks
        BufferSpec activations = new BufferSpec(32, 16, 1, 32);
        assertEquals(1.90318 / 32, sram.readPicojoulesPerBit(activations), EPS);
        assertEquals(0.114, sram.writePicojoulesPerBit(activations), 0.0005);
        // outputs: 16 KiB in 32 banks (one per column) = 512-byte banks, read-write port
        BufferSpec outputs = new BufferSpec(16, 32, 1, 32);
        assertEquals(1.06097 / 32, sram.readPicojoulesPerBit(outputs), EPS);
        assertEquals(0.073, sram.writePicojoulesPerBit(outputs), 0.0005);
        assertEquals(TechNode.N45, sram.node());
    }

    @Test
    void otherBanksAreBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> sram.writePicojoulesPerBit(new BufferSpec(64, 1, 1, 8)));
        assertTrue(e.getMessage().startsWith("hardware.buffers: the bitfusion-cacti-45nm SRAM energies cover banks"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
