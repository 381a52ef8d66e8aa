package io.bitforge.verilog.pe.reram;

import io.bitforge.pe.reram.AdcScheme;
import io.bitforge.pe.reram.CrossbarMvm;
import io.bitforge.pe.reram.ReramParams;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.sim.InputHandle;
import io.bitforge.verilog.sim.SimEngine;
import io.bitforge.verilog.sim.SimOptions;
import io.bitforge.verilog.sim.Simulator;
import io.bitforge.verilog.sim.Trace;

import java.util.List;

/**
 * The ladder for the ReRAM digital side: {@link ReramCrossbarRtl} runs the input vectors one after another on the
 * Java HDL simulator and must give the functional model's outputs ({@link CrossbarMvm#run}) and comparator cycles
 * for every vector, taking exactly the comparator cycles plus {@link ReramCrossbarRtl#OVERHEAD_CYCLES} per vector.
 * Its mean comparator cycles per conversion is then what {@code adc-study} reports for the same matrix and inputs.
 * With a fractional LSB ({@code adcFullScale: max}) an output is {@code y + LSB·q} from the RTL's two integers.
 */
public final class ReramLadder {
    private ReramLadder() {
    }

    /**
     * One scheme's run.
     *
     * @param meanComparatorCycles the RTL's comparator cycles over its conversions, all vectors
     * @param mismatch             empty when every output, cycle count and conversion count matched
     */
    public record Result(AdcScheme scheme, ModuleDef design, long conversions, long comparatorCycles,
                         double meanComparatorCycles, long rtlCycles, String mismatch, Trace trace) {
        public boolean passed() {
            return mismatch.isEmpty();
        }
    }

    /** The run on the compiled engine, as the other ladders of {@code cosim} run by default. */
    public static Result run(ReramParams params, int[][] weights, long[][] inputs, AdcScheme scheme,
                             boolean recordTrace) {
        return run(params, weights, inputs, scheme, recordTrace, SimEngine.COMPILED);
    }

    /** The run on the given Java simulator engine; both give the same values and cycles. */
    public static Result run(ReramParams params, int[][] weights, long[][] inputs, AdcScheme scheme,
                             boolean recordTrace, SimEngine engine) {
        ReramParams p = params.withAdcScheme(scheme);
        CrossbarMvm mvm = new CrossbarMvm(p, weights);
        ModuleDef design = ReramCrossbarRtl.build(p, mvm, scheme);
        Simulator sim = Simulator.of(design, (recordTrace ? SimOptions.defaults().withTrace() : SimOptions.defaults())
                .withEngine(engine));
        sim.reset(1);
        InputHandle start = sim.input("start");
        InputHandle[] xs = new InputHandle[inputs.length == 0 ? 0 : inputs[0].length];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = sim.input("x_" + k);
        }
        long conversions = 0;
        long cycles = 0;
        long rtlCycles = 0;
        String mismatch = "";
        for (int v = 0; v < inputs.length && mismatch.isEmpty(); v++) {
            long[] x = inputs[v];
            for (int k = 0; k < x.length; k++) {
                sim.poke(xs[k], x[k]);
            }
            sim.poke(start, 1);
            long begin = sim.cycle();
            sim.step();
            sim.poke(start, 0);
            long limit = 64L * mvm.columns() * mvm.partitions() * p.inputCycles(p.inputBits()) + 16;
            while (sim.peek("done") == 0) {
                if (sim.cycle() - begin > limit) {
                    throw new HdlException(design.name() + " did not finish within " + limit + " cycles");
                }
                sim.step();
            }
            long taken = sim.cycle() - begin;
            CrossbarMvm.Result model = mvm.run(x, List.of(scheme));
            long modelCycles = model.comparatorCycles()[0];
            long rtlComparator = sim.peek("comparator_cycles");
            long rtlConversions = sim.peek("conversions");
            boolean scaled = p.lsbUnits() != 1.0;
            for (int n = 0; n < mvm.outputs() && mismatch.isEmpty(); n++) {
                double expected = model.outputs()[0][n];
                long integer = sim.peek("y_" + n);
                long codes = scaled ? sim.peek("q_" + n) : 0;
                // a fractional LSB: the RTL's integers are exact, the model sums their values in double, so the two
                // agree to the model's rounding (2^-30 of the magnitude) while one code more or less moves the
                // output by at least one LSB (>= 1 unit current)
                double got = integer + p.lsbUnits() * codes;
                double tolerance = scaled ? Math.scalb(Math.max(1.0, Math.abs(integer) + p.lsbUnits()
                        * Math.abs(codes)), -30) : 0;
                if (!(Math.abs(expected - got) <= tolerance)) {
                    mismatch = "vector " + v + " output " + n + ": model " + expected + ", RTL " + (scaled
                            ? integer + " + " + p.lsbUnits() + " x " + codes : String.valueOf(integer));
                }
            }
            if (mismatch.isEmpty() && (rtlComparator != modelCycles || rtlConversions != model.conversions())) {
                mismatch = "vector " + v + ": model " + modelCycles + " comparator cycles in " + model.conversions()
                        + " conversions, RTL " + rtlComparator + " in " + rtlConversions;
            }
            if (mismatch.isEmpty() && taken != rtlComparator + ReramCrossbarRtl.OVERHEAD_CYCLES) {
                mismatch = "vector " + v + ": start to done took " + taken + " cycles, not " + rtlComparator + " + "
                        + ReramCrossbarRtl.OVERHEAD_CYCLES;
            }
            conversions += rtlConversions;
            cycles += rtlComparator;
            rtlCycles += taken;
        }
        double mean = conversions == 0 ? 0 : (double) cycles / conversions;
        return new Result(scheme, design, conversions, cycles, mean, rtlCycles, mismatch,
                recordTrace ? sim.trace() : null);
    }
}
