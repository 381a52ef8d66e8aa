package io.bitforge.memory.sram;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SramCostModelTest {
    private final SramCostModel model = SramCostModel.cacti28nm();

    @Test
    void fitReproducesEveryCactiPointWithinItsResidualBound() {
        // Bounds chosen from the residual spread of a three-parameter power law over nine points spanning
        // 128 B .. 4 MiB; CACTI's own organisation search makes neighbouring sizes jump by this much.
        for (CactiSramPoint p : CactiSramTable.POINTS) {
            assertWithin(p.readNanojoules() * 1000, model.readPicojoules(p.capacityBytes(), p.ioWidthBits()), 0.20,
                    "read " + p);
            assertWithin(p.writeNanojoules() * 1000, model.writePicojoules(p.capacityBytes(), p.ioWidthBits()),
                    0.15, "write " + p);
            assertWithin(p.areaSquareMillimetres() * 1e6,
                    model.areaSquareMicrometres(p.capacityBytes(), p.ioWidthBits()), 0.12, "area " + p);
        }
        assertTrue(model.readFitRSquared() > 0.99, "R^2 " + model.readFitRSquared());
        assertTrue(model.writeFitRSquared() > 0.99, "R^2 " + model.writeFitRSquared());
        assertTrue(model.areaFitRSquared() > 0.99, "R^2 " + model.areaFitRSquared());
    }

    @Test
    void fitAgreesWithAnIndependentNormalEquationSolve() {
        // Solve (X^T X) beta = X^T y by Cramer's rule for ln(area) ~ 1 + ln(C) + ln(W).
        double[][] xtx = new double[3][3];
        double[] xty = new double[3];
        for (CactiSramPoint p : CactiSramTable.POINTS) {
            double[] row = {1, Math.log(p.capacityBytes()), Math.log(p.ioWidthBits())};
            double y = Math.log(p.areaSquareMillimetres());
            for (int i = 0; i < 3; i++) {
                xty[i] += row[i] * y;
                for (int j = 0; j < 3; j++) {
                    xtx[i][j] += row[i] * row[j];
                }
            }
        }
        double det = det3(xtx);
        double[] beta = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] m = {xtx[0].clone(), xtx[1].clone(), xtx[2].clone()};
            for (int i = 0; i < 3; i++) {
                m[i][k] = xty[i];
            }
            beta[k] = det3(m) / det;
        }
        double capacity = 65536;
        int width = 64;
        double expectedSquareMicrometres = Math.exp(beta[0] + beta[1] * Math.log(capacity)
                + beta[2] * Math.log(width)) * 1e6;
        assertEquals(expectedSquareMicrometres, model.areaSquareMicrometres(65536, 64),
                expectedSquareMicrometres * 1e-9);
    }

    @Test
    void costsGrowWithCapacity() {
        double previousRead = 0;
        double previousArea = 0;
        for (long kib = 1; kib <= 4096; kib *= 2) {
            double read = model.readPicojoules(kib * 1024, 64);
            double area = model.areaSquareMicrometres(kib * 1024, 64);
            assertTrue(read > previousRead && area > previousArea, kib + " KiB");
            previousRead = read;
            previousArea = area;
        }
    }

    @Test
    void bankingCutsEnergyPerAccessAndMultipliesBankArea() {
        SramMacro oneBank = new SramMacro(256 * 1024, 64, 1, 1);
        SramMacro fourBanks = new SramMacro(256 * 1024, 64, 4, 1);
        assertEquals(model.readPicojoules(64 * 1024, 64), model.readPicojoules(fourBanks), 1e-12);
        assertTrue(model.readPicojoules(fourBanks) < model.readPicojoules(oneBank));
        assertEquals(4 * model.areaSquareMicrometres(64 * 1024, 64), model.areaSquareMicrometres(fourBanks), 1e-6);
        assertEquals(28, model.nodeNanometres());
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static void assertWithin(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(actual - expected) <= relative * expected,
                what + ": expected " + expected + " +/- " + (relative * 100) + "%, got " + actual);
    }
}
