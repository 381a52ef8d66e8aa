package io.bitforge.pe.reram;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.util.List;

/**
 * Functional model of a weight matrix programmed into ReRAM crossbars and multiplied by unsigned integer input
 * vectors (research notes §5.4). Weights {@code w[k][n]} (k: reduction index on word lines, n: output) are
 * bit-sliced over {@code ceil(bits/cellBits)} cell columns (pos/neg arrays or offset); inputs are applied
 * {@code dacBits} at a time. For input cycle t, cell column c and row partition P the column sum
 * {@code S = Σ_{k∈P} x_k[t]·g_{k,c}} is digitised by {@link SarAdc}, flip-encoded columns are recovered with
 * {@code S = (2^wc−1)·Σ x_k[t] − S'}, and shift-and-add recombines {@code y_n = Σ_t Σ_c 2^{t·v + s·wc}·S}.
 * Optional device variation perturbs each programmed conductance once, with a seed.
 *
 * <p>Immutable after construction; {@link #run} may be called from several threads.
 */
public final class CrossbarMvm {
    private final ReramParams params;
    private final SarAdc adc;
    private final int rows;
    private final int outputs;
    private final int slices;
    private final int parts;
    /** Stored cell levels (after flipping) per physical column, then per row: levels[c][k]. */
    private final int[][] levels;
    /** Analog levels with device variation, or null when ideal. */
    private final double[][] analogLevels;
    private final int[] partitionStarts;
    /** Per partition and column: flipped, and the largest ADC code reachable. */
    private final boolean[][] flipped;
    private final long[][] codeMax;

    /** Programs {@code weights[k][n]}; each must fit the parameters' signed weight width. */
    public CrossbarMvm(ReramParams params, int[][] weights) {
        this.params = params;
        this.adc = new SarAdc(params);
        this.rows = weights.length;
        this.outputs = rows == 0 ? 0 : weights[0].length;
        this.slices = params.slices(params.weightBits());
        this.parts = params.signedWeights() == SignedWeights.POS_NEG ? 2 : 1;
        int columns = outputs * slices * parts;
        levels = new int[columns][rows];
        int wb = params.weightBits();
        long offset = 1L << (wb - 1);
        long min = params.signedWeights() == SignedWeights.POS_NEG ? -(offset - 1) : -offset;
        for (int k = 0; k < rows; k++) {
            for (int n = 0; n < outputs; n++) {
                int w = weights[k][n];
                if (w < min || w > offset - 1) {
                    throw new IllegalArgumentException("weight " + w + " does not fit " + wb + " bits (" + params
                            .signedWeights().id() + ")");
                }
                long stored = parts == 2 ? Math.abs(w) : w + offset;
                int part = parts == 2 && w < 0 ? 1 : 0;
                for (int s = 0; s < slices; s++) {
                    levels[column(n, s, part)][k] = (int) ((stored >> (s * params.cellBits())) & params.maxCellLevel());
                }
            }
        }
        // partitions: crossbarRows per tile, parallelRows per ADC sample inside a tile
        java.util.ArrayList<Integer> starts = new java.util.ArrayList<>();
        for (int tile = 0; tile < rows; tile += params.crossbarRows()) {
            int end = Math.min(rows, tile + params.crossbarRows());
            for (int p = tile; p < end; p += params.parallelRows()) {
                starts.add(p);
            }
        }
        starts.add(rows);
        partitionStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        int partitions = partitionStarts.length - 1;
        flipped = new boolean[partitions][columns];
        codeMax = new long[partitions][columns];
        long maxLevel = params.maxCellLevel();
        for (int p = 0; p < partitions; p++) {
            int from = partitionStarts[p];
            int to = partitionStarts[p + 1];
            for (int c = 0; c < columns; c++) {
                long sum = 0;
                for (int k = from; k < to; k++) {
                    sum += levels[c][k];
                }
                // ISAAC: flip when the column's cell sum would pass half of its full scale
                if (params.flipEncoding() && 2 * sum > (long) (to - from) * maxLevel) {
                    flipped[p][c] = true;
                    for (int k = from; k < to; k++) {
                        levels[c][k] = (int) (maxLevel - levels[c][k]);
                    }
                    sum = (to - from) * maxLevel - sum;
                }
                codeMax[p][c] = adc.codeMax((double) sum * params.maxInputDigit());
            }
        }
        analogLevels = params.conductanceSigma() > 0 ? vary(params, levels) : null;
    }

    private int column(int n, int slice, int part) {
        return (n * slices + slice) * parts + part;
    }

    /**
     * Each cell's conductance {@code G = G_off + g·ΔG/(2^wc−1)} is multiplied once by {@code 1 + σ·N(0,1)}; the
     * column reads {@code (G − G_off)} in units of one level step (a reference column removes {@code G_off}).
     */
    private static double[][] vary(ReramParams params, int[][] levels) {
        RandomGenerator random = new Well19937c(params.noiseSeed());
        double gOff = 1.0 / params.offResistanceOhms();
        double step = (1.0 / params.onResistanceOhms() - gOff) / params.maxCellLevel();
        double[][] out = new double[levels.length][];
        for (int c = 0; c < levels.length; c++) {
            out[c] = new double[levels[c].length];
            for (int k = 0; k < levels[c].length; k++) {
                double g = gOff + levels[c][k] * step;
                double noisy = g * (1 + params.conductanceSigma() * random.nextGaussian());
                out[c][k] = (noisy - gOff) / step;
            }
        }
        return out;
    }

    public int rows() {
        return rows;
    }

    public int outputs() {
        return outputs;
    }

    /** Row partitions (ADC samples per column per input cycle) over all row tiles. */
    public int partitions() {
        return partitionStarts.length - 1;
    }

    /** Physical cell columns: outputs × slices × (2 for pos/neg arrays, else 1), ordered (output, slice, part). */
    public int columns() {
        return levels.length;
    }

    /** Weight slices per output. */
    public int slices() {
        return slices;
    }

    /** 2 for pos/neg arrays (part 1 subtracts), 1 for offset encoding. */
    public int parts() {
        return parts;
    }

    /** The programmed level of cell (column, row), after flipping: what a digital emulation of the column reads. */
    public int storedLevel(int column, int row) {
        return levels[column][row];
    }

    /** Whether (partition, column) is stored flipped. */
    public boolean flipped(int partition, int column) {
        return flipped[partition][column];
    }

    /** First row of a partition; {@code partitionStart(partitions())} is the row count. */
    public int partitionStart(int partition) {
        return partitionStarts[partition];
    }

    /** Largest ADC code each (partition, column) can produce, for the engine's expected-cycle estimate. */
    public long codeMax(int partition, int column) {
        return codeMax[partition][column];
    }

    /** Outputs and ADC work of one input vector under several schemes (same analog sums for all). */
    public record Result(List<AdcScheme> schemes, double[][] outputs, long[] comparatorCycles, long conversions) {
    }

    /** Multiplies {@code inputs[k]} (each in {@code 0 .. 2^inputBits−1}) by the programmed weights. */
    public Result run(long[] inputs, List<AdcScheme> schemes) {
        if (inputs.length != rows) {
            throw new IllegalArgumentException("need " + rows + " inputs, got " + inputs.length);
        }
        int ib = params.inputBits();
        for (long x : inputs) {
            if (x < 0 || x >= 1L << ib) {
                throw new IllegalArgumentException("input " + x + " does not fit " + ib + " unsigned bits");
            }
        }
        int schemeCount = schemes.size();
        double[][] out = new double[schemeCount][outputs];
        long[] cycles = new long[schemeCount];
        long conversions = 0;
        int v = params.dacBits();
        long digitMask = params.maxInputDigit();
        long maxLevel = params.maxCellLevel();
        int[] digits = new int[rows];
        for (int t = 0; t < params.inputCycles(ib); t++) {
            for (int k = 0; k < rows; k++) {
                digits[k] = (int) ((inputs[k] >> (t * v)) & digitMask);
            }
            for (int p = 0; p < partitions(); p++) {
                int from = partitionStarts[p];
                int to = partitionStarts[p + 1];
                long digitSum = 0;
                for (int k = from; k < to; k++) {
                    digitSum += digits[k];
                }
                for (int n = 0; n < outputs; n++) {
                    for (int s = 0; s < slices; s++) {
                        double weight = Math.scalb(1.0, t * v + s * params.cellBits());
                        for (int part = 0; part < parts; part++) {
                            int c = column(n, s, part);
                            double sum = columnSum(c, from, to, digits);
                            conversions++;
                            for (int i = 0; i < schemeCount; i++) {
                                SarAdc.Conversion conversion = adc.convert(schemes.get(i), sum, codeMax[p][c]);
                                double value = flipped[p][c] ? maxLevel * digitSum - conversion.value()
                                        : conversion.value();
                                out[i][n] += (part == 1 ? -weight : weight) * value;
                                cycles[i] += conversion.cycles();
                            }
                        }
                    }
                }
            }
        }
        if (parts == 1) {
            // offset encoding stored w + 2^(wb−1): subtract 2^(wb−1)·Σ x digitally
            long inputSum = 0;
            for (long x : inputs) {
                inputSum += x;
            }
            double correction = (double) (1L << (params.weightBits() - 1)) * inputSum;
            for (double[] row : out) {
                for (int n = 0; n < outputs; n++) {
                    row[n] -= correction;
                }
            }
        }
        return new Result(List.copyOf(schemes), out, cycles, conversions);
    }

    private double columnSum(int c, int from, int to, int[] digits) {
        if (analogLevels != null) {
            double[] g = analogLevels[c];
            double sum = 0;
            for (int k = from; k < to; k++) {
                sum += digits[k] * g[k];
            }
            return sum;
        }
        int[] g = levels[c];
        long sum = 0;
        for (int k = from; k < to; k++) {
            sum += (long) digits[k] * g[k];
        }
        return sum;
    }
}
