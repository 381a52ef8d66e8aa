package io.bitforge.core.quant;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.GridFormat;
import io.bitforge.core.format.ValueGrid;

import java.util.List;

/**
 * BitMoD's per-group type search (yc2367/BitMoD-HPCA-25, quant_weight.py, search_datatype): each candidate
 * grid quantises the group with scale = absmax / max|grid|; the one with the least squared error wins, an equal
 * error keeping the earlier candidate (the repository updates only on a strictly smaller error).
 */
final class MixtureGroupQuantizer implements GroupQuantizer {
    private final List<GridFormat> candidates;
    private final Rounding rounding;

    MixtureGroupQuantizer(BitmodMixture mixture, Rounding rounding) {
        this.candidates = mixture.candidates();
        this.rounding = rounding;
    }

    @Override
    public int scalesPerGroup() {
        return 1;
    }

    @Override
    public boolean storesZeroPoint() {
        return false;
    }

    @Override
    public void quantize(float[] x, int from, int to, int group, Output out) {
        GroupStats stats = GroupStats.of(x, from, to);
        double bestError = Double.POSITIVE_INFINITY;
        int best = 0;
        // Each candidate's grid indices are kept, so the winner's codes need no second rounding.
        int[] indices = new int[to - from];
        int[] bestIndices = new int[to - from];
        for (int c = 0; c < candidates.size(); c++) {
            ValueGrid grid = candidates.get(c).grid();
            double scale = GroupStats.usable(stats.absMax() / grid.maxAbs());
            double error = 0;
            for (int i = from; i < to; i++) {
                int index = grid.nearestIndex(x[i] / scale, rounding);
                indices[i - from] = index;
                double e = x[i] - scale * grid.value(index);
                error += e * e;
            }
            if (error < bestError) {
                bestError = error;
                best = c;
                int[] t = bestIndices;
                bestIndices = indices;
                indices = t;
            }
        }
        ValueGrid grid = candidates.get(best).grid();
        double scale = GroupStats.usable(stats.absMax() / grid.maxAbs());
        for (int i = from; i < to; i++) {
            // Float inputs keep every error finite, so some candidate was kept; rounding again covers the rest.
            int index = bestError < Double.POSITIVE_INFINITY ? bestIndices[i - from]
                    : grid.nearestIndex(x[i] / scale, rounding);
            out.codes()[i] = (short) grid.code(index);
        }
        out.scales()[group] = scale;
        out.choices()[group] = (byte) best;
    }
}
