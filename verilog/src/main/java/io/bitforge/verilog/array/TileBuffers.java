package io.bitforge.verilog.array;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a tile in the array's block RAMs. Row i's activation buffer holds, at address fr·T + t, the
 * activation codes of step t of row fold fr: lane (m, k) is A[(fr·R + i)·lanesM + m][t·lanesK + k] in bits
 * {@code [(m·lanesK + k)·b_a +: b_a]}. Column j's weight buffer holds at fc·T + t the codes
 * B[t·lanesK + k][(fc·C + j)·lanesN + n] in bits {@code [(k·lanesN + n)·b_w +: b_w]}. Out-of-range elements are
 * code 0 (zero). Result memory (j, n, s) holds at f·segLength + d the sum of chain position
 * q = s·segLength + segLength − 1 − d of fold f = fr·colFolds + fc, i.e. row (fr·R + q / lanesM)·lanesM + q mod lanesM.
 */
public record TileBuffers(ArrayPlan plan, int activationBits, int weightBits) implements ResultMap {
    public TileBuffers {
        long aWord = (long) plan.timing().lanesM() * plan.timing().lanesK() * activationBits;
        long bWord = (long) plan.timing().lanesK() * plan.timing().lanesN() * weightBits;
        if (aWord > 64 || bWord > 64) {
            throw new IllegalArgumentException("operand words of " + aWord + " and " + bWord
                    + " bits exceed the HDL's 64");
        }
    }

    public int activationWordBits() {
        return plan.timing().lanesM() * plan.timing().lanesK() * activationBits;
    }

    public int weightWordBits() {
        return plan.timing().lanesK() * plan.timing().lanesN() * weightBits;
    }

    /** Words of row {@code row}'s activation buffer for A (row-major M×K codes). */
    public List<Long> activationWords(long[] a, int row) {
        TileShape t = plan.tile();
        int lm = plan.timing().lanesM();
        int lk = plan.timing().lanesK();
        List<Long> words = new ArrayList<>();
        for (int fr = 0; fr < plan.rowFolds(); fr++) {
            for (int step = 0; step < plan.streamSteps(); step++) {
                long word = 0;
                for (int m = 0; m < lm; m++) {
                    for (int k = 0; k < lk; k++) {
                        int r = (fr * plan.rows() + row) * lm + m;
                        int c = step * lk + k;
                        long code = r < t.m() && c < t.k() ? a[r * t.k() + c] : 0;
                        word |= code << ((m * lk + k) * activationBits);
                    }
                }
                words.add(word);
            }
        }
        return words;
    }

    /** Words of column {@code col}'s weight buffer for B (row-major K×N codes). */
    public List<Long> weightWords(long[] b, int col) {
        TileShape t = plan.tile();
        int lk = plan.timing().lanesK();
        int ln = plan.timing().lanesN();
        List<Long> words = new ArrayList<>();
        for (int fc = 0; fc < plan.colFolds(); fc++) {
            for (int step = 0; step < plan.streamSteps(); step++) {
                long word = 0;
                for (int k = 0; k < lk; k++) {
                    for (int n = 0; n < ln; n++) {
                        int r = step * lk + k;
                        int c = (fc * plan.cols() + col) * ln + n;
                        long code = r < t.k() && c < t.n() ? b[r * t.n() + c] : 0;
                        word |= code << ((k * ln + n) * weightBits);
                    }
                }
                words.add(word);
            }
        }
        return words;
    }

    /** Ports {@code c_J_N_S}: column J, column lane N, drain segment S. */
    @Override
    public List<String> resultPorts() {
        List<String> ports = new ArrayList<>();
        for (int j = 0; j < plan.cols(); j++) {
            for (int n = 0; n < plan.timing().lanesN(); n++) {
                for (int s = 0; s < plan.drainSegments(); s++) {
                    ports.add("c_" + j + "_" + n + "_" + s);
                }
            }
        }
        return ports;
    }

    @Override
    public int[] resultElement(int port, int address) {
        int segments = plan.drainSegments();
        int perColumn = plan.timing().lanesN() * segments;
        return resultElement(port / perColumn, port % perColumn / segments, port % segments, address);
    }

    /** Depth of every result memory: one word per chain position per fold. */
    @Override
    public int resultDepth() {
        return plan.folds() * plan.segmentLength();
    }

    /**
     * The element of C that result memory (col, lane, segment) holds at {@code address}, as {row, column}, or
     * null for padding.
     */
    public int[] resultElement(int col, int lane, int segment, int address) {
        int seg = plan.segmentLength();
        int fold = address / seg;
        int d = address % seg;
        int q = segment * seg + seg - 1 - d;
        if (q >= plan.sumsPerColumnLane()) {
            return null;
        }
        int fr = fold / plan.colFolds();
        int fc = fold % plan.colFolds();
        int lm = plan.timing().lanesM();
        int row = (fr * plan.rows() + q / lm) * lm + q % lm;
        int column = (fc * plan.cols() + col) * plan.timing().lanesN() + lane;
        return row < plan.tile().m() && column < plan.tile().n() ? new int[] {row, column} : null;
    }
}
