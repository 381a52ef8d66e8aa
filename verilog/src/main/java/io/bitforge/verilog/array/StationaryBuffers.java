package io.bitforge.verilog.array;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a tile in a weight- or input-stationary array's block RAMs (packing of lanes as in
 * {@link TileBuffers}: activation lane (m, k) at bits {@code [(m·lanesK + k)·b_a +: b_a]}, weight lane (k, n) at
 * {@code [(k·lanesN + n)·b_w +: b_w]}; out-of-range elements are code 0).
 * <ul>
 *   <li>Column j's stationary buffer holds at fold·R + p the word for array row R − 1 − p of fold
 *       fold = fr·colFolds + fc (the preload shifts it down R − 1 − p rows): ws the weights
 *       B[(fr·R + r)·lanesK + k][(fc·C + j)·lanesN + n], is the activations A[(fc·C + j)·lanesM + m][(fr·R + r)·lanesK + k].</li>
 *   <li>Row i's stream buffer holds at fr·T + t the word of step t: ws A[t·lanesM + m][(fr·R + i)·lanesK + k], is
 *       B[(fr·R + i)·lanesK + k][t·lanesN + n].</li>
 *   <li>Result memory (j, m, n), port {@code c_J_M_N}, holds at fc·T + t the sum over every row fold of column j's
 *       output lane (m, n) at stream step t: ws C[t·lanesM + m][(fc·C + j)·lanesN + n], is
 *       C[(fc·C + j)·lanesM + m][t·lanesN + n].</li>
 * </ul>
 */
public record StationaryBuffers(StationaryPlan plan, int activationBits, int weightBits) implements ResultMap {
    public StationaryBuffers {
        if (activationWordBits(plan, activationBits) > 64 || weightWordBits(plan, weightBits) > 64) {
            throw new IllegalArgumentException("operand words of " + activationWordBits(plan, activationBits) + " and "
                    + weightWordBits(plan, weightBits) + " bits exceed a block RAM word's 64");
        }
    }

    private static long activationWordBits(StationaryPlan plan, int bits) {
        return (long) plan.timing().lanesM() * plan.timing().lanesK() * bits;
    }

    private static long weightWordBits(StationaryPlan plan, int bits) {
        return (long) plan.timing().lanesK() * plan.timing().lanesN() * bits;
    }

    public int stationaryWordBits() {
        return (int) (plan.weightStationary() ? weightWordBits(plan, weightBits)
                : activationWordBits(plan, activationBits));
    }

    public int streamWordBits() {
        return (int) (plan.weightStationary() ? activationWordBits(plan, activationBits)
                : weightWordBits(plan, weightBits));
    }

    /** Words of column {@code col}'s stationary buffer, for A (row-major M×K codes) and B (row-major K×N). */
    public List<Long> stationaryWords(long[] a, long[] b, int col) {
        List<Long> words = new ArrayList<>();
        for (int fr = 0; fr < plan.rowFolds(); fr++) {
            for (int fc = 0; fc < plan.colFolds(); fc++) {
                for (int p = 0; p < plan.rows(); p++) {
                    int kStep = fr * plan.rows() + plan.rows() - 1 - p;
                    int colStep = fc * plan.cols() + col;
                    words.add(plan.weightStationary() ? weightWord(b, kStep, colStep) : activationWord(a, colStep, kStep));
                }
            }
        }
        return words;
    }

    /** Words of row {@code row}'s stream buffer. */
    public List<Long> streamWords(long[] a, long[] b, int row) {
        List<Long> words = new ArrayList<>();
        for (int fr = 0; fr < plan.rowFolds(); fr++) {
            for (int t = 0; t < plan.streamSteps(); t++) {
                int kStep = fr * plan.rows() + row;
                words.add(plan.weightStationary() ? activationWord(a, t, kStep) : weightWord(b, kStep, t));
            }
        }
        return words;
    }

    /** The activation lanes of M step {@code mStep} and K step {@code kStep}. */
    private long activationWord(long[] a, int mStep, int kStep) {
        TileShape t = plan.tile();
        int lm = plan.timing().lanesM();
        int lk = plan.timing().lanesK();
        long word = 0;
        for (int m = 0; m < lm; m++) {
            for (int k = 0; k < lk; k++) {
                int r = mStep * lm + m;
                int c = kStep * lk + k;
                long code = r < t.m() && c < t.k() ? a[r * t.k() + c] : 0;
                word |= code << ((m * lk + k) * activationBits);
            }
        }
        return word;
    }

    /** The weight lanes of K step {@code kStep} and N step {@code nStep}. */
    private long weightWord(long[] b, int kStep, int nStep) {
        TileShape t = plan.tile();
        int lk = plan.timing().lanesK();
        int ln = plan.timing().lanesN();
        long word = 0;
        for (int k = 0; k < lk; k++) {
            for (int n = 0; n < ln; n++) {
                int r = kStep * lk + k;
                int c = nStep * ln + n;
                long code = r < t.k() && c < t.n() ? b[r * t.n() + c] : 0;
                word |= code << ((k * ln + n) * weightBits);
            }
        }
        return word;
    }

    @Override
    public int resultDepth() {
        return plan.colFolds() * plan.streamSteps();
    }

    @Override
    public List<String> resultPorts() {
        List<String> ports = new ArrayList<>();
        for (int j = 0; j < plan.cols(); j++) {
            for (int m = 0; m < plan.timing().lanesM(); m++) {
                for (int n = 0; n < plan.timing().lanesN(); n++) {
                    ports.add("c_" + j + "_" + m + "_" + n);
                }
            }
        }
        return ports;
    }

    @Override
    public int[] resultElement(int port, int address) {
        int lm = plan.timing().lanesM();
        int ln = plan.timing().lanesN();
        int j = port / (lm * ln);
        int m = port % (lm * ln) / ln;
        int n = port % ln;
        int fc = address / plan.streamSteps();
        int t = address % plan.streamSteps();
        int colStep = fc * plan.cols() + j;
        int row = plan.weightStationary() ? t * lm + m : colStep * lm + m;
        int column = plan.weightStationary() ? colStep * ln + n : t * ln + n;
        return row < plan.tile().m() && column < plan.tile().n() ? new int[] {row, column} : null;
    }
}
