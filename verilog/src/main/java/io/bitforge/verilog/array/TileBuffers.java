package io.bitforge.verilog.array;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a tile in the array's block RAMs. Row i's activation buffer holds, at address fr·T + t, the
 * activation codes of step t of row fold fr (with {@code activationCodesPerWord} c &gt; 1, address fr·ceil(T/c) + t/c
 * holds steps t..t+c−1, step t + s in the word's slot s, slot 0 lowest): lane (m, k) is A[(fr·R + i)·lanesM + m][t·lanesK + k] in bits
 * {@code [(m·lanesK + k)·b_a +: b_a]}. Column j's weight buffer holds at fc·T + t the codes
 * B[t·lanesK + k][(fc·C + j)·lanesN + n] in bits {@code [(k·lanesN + n)·b_w +: b_w]}. Out-of-range elements are
 * code 0 (zero). Result memory (j, n, s) holds at f·segLength + d the sum of chain position
 * q = s·segLength + segLength − 1 − d of fold f = fr·colFolds + fc, i.e. row (fr·R + q / lanesM)·lanesM + q mod lanesM.
 *
 * <p><b>Banks.</b> A block-RAM word holds at most {@link #BANK_BITS} bits. A wider operand word (the LUT tensor
 * core's 2 × 64 × 4 unit: 128 activation and 512 or 1024 weight bits per step) is split over
 * ceil(bits / {@value #BANK_BITS}) banks at the same address, bank q holding bits {@code [64·q +: 64]}; the array
 * reads every bank in the same cycle, so banking costs no cycle.
 */
public record TileBuffers(ArrayPlan plan, int activationBits, int weightBits, int activationCodesPerWord,
                          int weightCodesPerWord) implements ResultMap {
    /** Bits of one bank's word: the HDL's memories (and an iCE40 block RAM's widest port pair) hold 64. */
    public static final int BANK_BITS = 64;

    /** The widest operand word: the HDL's widest value (a word of 64 banks). */
    public static final int MAX_WORD_BITS = 4096;

    public TileBuffers {
        if (activationCodesPerWord < 1 || weightCodesPerWord < 1) {
            throw new IllegalArgumentException("codes per word must be >= 1");
        }
        long aWord = (long) plan.timing().lanesM() * plan.timing().lanesK() * activationBits * activationCodesPerWord;
        long bWord = (long) plan.timing().lanesK() * plan.timing().lanesN() * weightBits * weightCodesPerWord;
        if (aWord > MAX_WORD_BITS || bWord > MAX_WORD_BITS) {
            throw new IllegalArgumentException("operand words of " + aWord + " and " + bWord
                    + " bits exceed the HDL's " + MAX_WORD_BITS);
        }
    }

    /** The layout for {@code pe}'s codes: a pair per word on an edge whose decoder takes pairs. */
    public static TileBuffers forCell(io.bitforge.verilog.pe.PeRtl pe, ArrayPlan plan) {
        return new TileBuffers(plan, pe.activationCodeBits(), pe.weightCodeBits(),
                pe.activationDecoder().map(d -> d.codesPerWord()).orElse(1),
                pe.weightDecoder().map(d -> d.codesPerWord()).orElse(1));
    }

    /** One step's codes per buffer word. */
    public TileBuffers(ArrayPlan plan, int activationBits, int weightBits) {
        this(plan, activationBits, weightBits, 1, 1);
    }

    public int activationWordBits() {
        return plan.timing().lanesM() * plan.timing().lanesK() * activationBits * activationCodesPerWord;
    }

    public int weightWordBits() {
        return plan.timing().lanesK() * plan.timing().lanesN() * weightBits * weightCodesPerWord;
    }

    /** Banks of every row's activation buffer: ceil(word bits / 64). */
    public int activationBanks() {
        return ArrayPlan.ceilDiv(activationWordBits(), BANK_BITS);
    }

    /** Banks of every column's weight buffer. */
    public int weightBanks() {
        return ArrayPlan.ceilDiv(weightWordBits(), BANK_BITS);
    }

    /** Bits of bank {@code bank}'s word for operand words of {@code wordBits}: 64, the last one the rest. */
    public static int bankWordBits(int wordBits, int bank) {
        return Math.min(BANK_BITS, wordBits - bank * BANK_BITS);
    }

    /** Activation words per row fold: the T steps, {@code activationCodesPerWord} to a word. */
    public int activationWordsPerFold() {
        return ArrayPlan.ceilDiv(plan.streamSteps(), activationCodesPerWord);
    }

    /** Weight words per column fold. */
    public int weightWordsPerFold() {
        return ArrayPlan.ceilDiv(plan.streamSteps(), weightCodesPerWord);
    }

    /** Words of row {@code row}'s activation buffer for A (row-major M×K codes); one bank only. */
    public List<Long> activationWords(long[] a, int row) {
        return activationBankWords(a, row, onlyBank(activationBanks()));
    }

    /** Words of column {@code col}'s weight buffer for B (row-major K×N codes); one bank only. */
    public List<Long> weightWords(long[] b, int col) {
        return weightBankWords(b, col, onlyBank(weightBanks()));
    }

    /** Bank {@code bank}'s words of row {@code row}'s activation buffer: bits [64·bank +: 64] of each word. */
    public List<Long> activationBankWords(long[] a, int row, int bank) {
        return bankOf(activationWordsWide(a, row), bank);
    }

    /** Bank {@code bank}'s words of column {@code col}'s weight buffer. */
    public List<Long> weightBankWords(long[] b, int col, int bank) {
        return bankOf(weightWordsWide(b, col), bank);
    }

    private static int onlyBank(int banks) {
        if (banks != 1) {
            throw new IllegalStateException("the words span " + banks + " banks; read them bank by bank");
        }
        return 0;
    }

    private static List<Long> bankOf(List<BigInteger> words, int bank) {
        List<Long> out = new ArrayList<>(words.size());
        for (BigInteger w : words) {
            out.add(w.shiftRight(bank * BANK_BITS).longValue());
        }
        return out;
    }

    /** Whole words of row {@code row}'s activation buffer, as wide as {@link #activationWordBits}. */
    private List<BigInteger> activationWordsWide(long[] a, int row) {
        TileShape t = plan.tile();
        int lm = plan.timing().lanesM();
        int lk = plan.timing().lanesK();
        List<BigInteger> words = new ArrayList<>();
        int stepBits = lm * lk * activationBits;
        for (int fr = 0; fr < plan.rowFolds(); fr++) {
            for (int w = 0; w < activationWordsPerFold(); w++) {
                BigInteger word = BigInteger.ZERO;
                for (int slot = 0; slot < activationCodesPerWord; slot++) {
                    int step = w * activationCodesPerWord + slot;
                    for (int m = 0; m < lm; m++) {
                        for (int k = 0; k < lk; k++) {
                            int r = (fr * plan.rows() + row) * lm + m;
                            int c = step * lk + k;
                            long code = r < t.m() && c < t.k() ? a[r * t.k() + c] : 0;
                            word = word.or(BigInteger.valueOf(code).shiftLeft(slot * stepBits
                                    + (m * lk + k) * activationBits));
                        }
                    }
                }
                words.add(word);
            }
        }
        return words;
    }

    /** Whole words of column {@code col}'s weight buffer, as wide as {@link #weightWordBits}. */
    private List<BigInteger> weightWordsWide(long[] b, int col) {
        TileShape t = plan.tile();
        int lk = plan.timing().lanesK();
        int ln = plan.timing().lanesN();
        List<BigInteger> words = new ArrayList<>();
        int stepBits = lk * ln * weightBits;
        for (int fc = 0; fc < plan.colFolds(); fc++) {
            for (int w = 0; w < weightWordsPerFold(); w++) {
                BigInteger word = BigInteger.ZERO;
                for (int slot = 0; slot < weightCodesPerWord; slot++) {
                    int step = w * weightCodesPerWord + slot;
                    for (int k = 0; k < lk; k++) {
                        for (int n = 0; n < ln; n++) {
                            int r = step * lk + k;
                            int c = (fc * plan.cols() + col) * ln + n;
                            long code = r < t.k() && c < t.n() ? b[r * t.n() + c] : 0;
                            word = word.or(BigInteger.valueOf(code).shiftLeft(slot * stepBits
                                    + (k * ln + n) * weightBits));
                        }
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
