package io.bitforge.memory.sram;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * y = exp(a) · capacity^b · width^c, fitted by ordinary least squares on logarithms (Commons Math
 * {@link OLSMultipleLinearRegression}). A power law in both size and width is the usual first-order shape of
 * CACTI's energy and area curves; the residuals on the fitted points are what {@code SramCostModelTest} bounds.
 */
record PowerLawFit(double logScale, double capacityExponent, double widthExponent, double rSquared) {

    static PowerLawFit fit(List<CactiSramPoint> points, ToDoubleFunction<CactiSramPoint> value) {
        double[] y = new double[points.size()];
        double[][] x = new double[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            CactiSramPoint p = points.get(i);
            y[i] = Math.log(value.applyAsDouble(p));
            x[i] = new double[] {Math.log(p.capacityBytes()), Math.log(p.ioWidthBits())};
        }
        OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
        regression.newSampleData(y, x);
        double[] beta = regression.estimateRegressionParameters();
        return new PowerLawFit(beta[0], beta[1], beta[2], regression.calculateRSquared());
    }

    double at(double capacityBytes, double widthBits) {
        return Math.exp(logScale + capacityExponent * Math.log(capacityBytes) + widthExponent * Math.log(widthBits));
    }
}
