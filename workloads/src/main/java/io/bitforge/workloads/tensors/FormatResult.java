package io.bitforge.workloads.tensors;

import java.util.List;

/**
 * What one quantiser did to a set of matrices.
 *
 * @param format          format id
 * @param granularity     tensor, channel or group{G}
 * @param elements        values quantised
 * @param bitsPerElement  stored bits per value including scales, zero points and selectors
 * @param mse             mean squared error of the values
 * @param sqnrDecibels    10·log10(Σw² / Σ(w−ŵ)²)
 * @param maxAbsError     largest |w − ŵ|
 * @param matmulSqnrDecibels the same ratio for the products W·X against Ŵ·X with seeded N(0,1) activations X
 * @param outliers        OVP: values kept on the outlier grid (0 otherwise)
 * @param victims         OVP: values pruned to zero beside an outlier
 * @param prunedOutliers  OVP: victims that were outliers themselves (both values of a pair were outliers)
 * @param choiceCounts    BitMoD mixtures: groups per candidate (er+, er-, ea+, ea-); ant4: tensors that chose
 *                        int4, flint4, pot4; empty otherwise
 */
public record FormatResult(String format, String granularity, long elements, double bitsPerElement, double mse,
                           double sqnrDecibels, double maxAbsError, double matmulSqnrDecibels, long outliers,
                           long victims, long prunedOutliers, List<Long> choiceCounts) {
    public FormatResult {
        choiceCounts = List.copyOf(choiceCounts);
    }
}
