package io.bitforge.core.tech;

import io.bitforge.core.io.BadInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Node scaling checked by hand against Stillmaker & Baas 2017 (Tables 4 and 5, and the corrigendum example). */
class TechScalingTest {
    @Test
    void areaFactorsAreTheTablesEntries() {
        // Table 4: 45 nm -> 7 nm x 0.059; 130 nm -> 90 nm x 0.44; 7 nm -> 45 nm x 17
        assertEquals(0.059, TechScaling.areaFactor(TechNode.N45, TechNode.N7), 1e-12);
        assertEquals(0.44, TechScaling.areaFactor(TechNode.N130, TechNode.N90), 1e-12);
        assertEquals(17.0, TechScaling.areaFactor(TechNode.N7, TechNode.N45), 1e-12);
        assertEquals(1.0, TechScaling.areaFactor(TechNode.N28, TechNode.N28), 1e-12);
    }

    @Test
    void energyPolynomialsReproduceTheCorrigendumExample() {
        // Corrigendum of Section 4.2.1: 1 pJ/op at 65 nm, 1.3 V scaled to 32 nm, 0.9 V:
        // 0.8367(0.9)^2 - 0.4341(0.9) + 0.1701 = 0.4571; 3.755(1.3)^2 - 4.398(1.3) + 1.975 = 2.604; 0.1755 pJ
        assertEquals(0.4571, TechScaling.energyPolynomial(TechNode.N32, 0.9), 5e-5);
        assertEquals(2.604, TechScaling.energyPolynomial(TechNode.N65, 1.3), 5e-4);
        assertEquals(0.1755, TechScaling.energyPolynomial(TechNode.N32, 0.9)
                / TechScaling.energyPolynomial(TechNode.N65, 1.3), 1e-4);
    }

    @Test
    void energyFactorUsesEachNodesNominalSupply() {
        // 45 nm at 1.0 V: 1.018 - 0.3107 + 0.1539 = 0.8612; 7 nm at 0.7 V: 0.1776*0.49 - 0.09097*0.7 + 0.02447
        // = 0.0478151 -> factor 0.0478151 / 0.8612
        assertEquals(0.0478151 / 0.8612, TechScaling.energyFactor(TechNode.N45, TechNode.N7), 1e-6);
        assertEquals(1.0, TechScaling.energyFactor(TechNode.N16, TechNode.N16), 1e-12);
    }

    @Test
    void untabulatedNodesAreInterpolatedAndFlagged() {
        // 28 nm sits a third of the way from 32 nm to 20 nm: 45 -> 28 area = 0.46^(2/3) * 0.21^(1/3)
        double fortyFiveTo28 = Math.pow(0.46, 2.0 / 3) * Math.pow(0.21, 1.0 / 3);
        assertEquals(fortyFiveTo28, TechScaling.areaFactor(TechNode.N45, TechNode.N28), 1e-12);
        assertEquals(1 / fortyFiveTo28, TechScaling.areaFactor(TechNode.N28, TechNode.N45), 1e-12);
        assertTrue(TechScaling.sourceFor(TechNode.N45, TechNode.N28).orElseThrow().estimate());
        assertFalse(TechScaling.sourceFor(TechNode.N45, TechNode.N7).orElseThrow().estimate());
        assertTrue(TechScaling.sourceFor(TechNode.N7, TechNode.N7).isEmpty());
    }

    @Test
    void parsing() {
        assertEquals(TechNode.N28, TechNode.parse("28nm", "f", "node"));
        assertEquals(TechNode.N7, TechNode.parse("7", "f", "node"));
        String message = assertThrows(BadInputException.class, () -> TechNode.parse("5nm", "f.yaml", "hardware.node"))
                .getMessage();
        assertTrue(message.startsWith("f.yaml: hardware.node: must be one of 180nm, 130nm"), message);
    }
}
