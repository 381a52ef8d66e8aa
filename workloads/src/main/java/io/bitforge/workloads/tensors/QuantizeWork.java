package io.bitforge.workloads.tensors;

import io.bitforge.core.units.HumanUnits;
import io.bitforge.core.format.BcqFormat;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.quant.QuantMethod;
import io.bitforge.core.quant.Quantizer;

import java.util.List;
import java.util.Locale;

/**
 * The estimated run time of a quantisation study, so that one past about a minute is refused before it starts
 * (docs/limits.md). The cost is elements x formats x each format's search, plus the W.X products of the tokens.
 * The rates are estimates, calibrated on measured runs of {@code quantize --synthetic gaussian --rows 2048
 * --cols 2048} on one core: {@code --format all} (32 formats) at 0 and 64 tokens, and {@code --format bcq4} at 5
 * and 200 ShiftAddLLM rounds; the run is spread over the machine's cores.
 *
 * @param cpuSeconds the estimated CPU time, all cores together
 * @param cores      the cores the study's pool runs on
 */
public record QuantizeWork(double cpuSeconds, int cores) {
    /** Past this many seconds (wall, estimated) a run is refused unless allowed. */
    public static final double MAX_SECONDS = 60;
    /** Measured: --format all, 2048x2048, 0 tokens: 9.1 CPU-s over 4.19e6 values x 32 formats, about 70 ns each. */
    static final double SECONDS_PER_VALUE_FORMAT = 70e-9;
    /** Measured: 64 tokens added 3.3 CPU-s to that run: 4.19e6 x 64 x 32 multiply-adds, about 0.4 ns each. */
    static final double SECONDS_PER_PRODUCT_MAC = 0.4e-9;
    /** Measured: bcq4 at 200 rounds took 6.0 CPU-s more than at 5 rounds: 4.19e6 values x 195, about 7.3 ns. */
    static final double SECONDS_PER_VALUE_BCQ_ROUND = 7.3e-9;

    /** The estimate for these quantizers over these matrices with {@code tokens} activation vectors. */
    public static QuantizeWork of(List<Quantizer> quantizers, List<MatrixSource> matrices, int tokens) {
        double values = 0; // double: a checkpoint's values x formats x tokens overflows a long
        for (MatrixSource m : matrices) {
            values += (double) m.rows() * m.cols();
        }
        double seconds = 0;
        for (Quantizer q : quantizers) {
            seconds += values * (SECONDS_PER_VALUE_FORMAT + (double) tokens * SECONDS_PER_PRODUCT_MAC);
            if (q.format() instanceof BcqFormat && q.method() == QuantMethod.PAPER) {
                seconds += values * q.bcqRounds() * SECONDS_PER_VALUE_BCQ_ROUND;
            }
        }
        return new QuantizeWork(seconds, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** The estimated wall time: the CPU time spread over the cores. */
    public double seconds() {
        return cpuSeconds / cores;
    }

    /** Refuses a study estimated past {@link #MAX_SECONDS} unless {@code longRunAllowed}. */
    public void check(boolean longRunAllowed) {
        if (!longRunAllowed && seconds() > MAX_SECONDS) {
            // the request field that lets it run; a front end names its own switch for it (the CLI's --yes)
            throw new BadRequestException("longRunAllowed", String.format(Locale.ROOT, "quantize would take about "
                    + "%s (estimate: %.3g CPU-s over %d cores); refused (the limit is %d s; set this to run it "
                    + "anyway, or use fewer formats, tokens or bcq rounds)", HumanUnits.duration(seconds()), cpuSeconds,
                    cores, (int) MAX_SECONDS));
        }
    }
}
