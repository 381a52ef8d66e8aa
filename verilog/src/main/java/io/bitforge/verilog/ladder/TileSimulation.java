package io.bitforge.verilog.ladder;

import io.bitforge.verilog.array.ArrayPlan;
import io.bitforge.verilog.array.ResultMap;
import io.bitforge.verilog.array.TileBuffers;
import io.bitforge.verilog.array.TileShape;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.sim.SimEngine;
import io.bitforge.verilog.sim.SimOptions;
import io.bitforge.verilog.sim.Simulator;

/**
 * Runs a {@link io.bitforge.verilog.array.TileArray} design as a host would: reset, one {@code start} pulse, wait
 * for {@code computed} and {@code done}, then read every result memory word through {@code rd_addr}. Everything
 * the host does is in the trace, so Icarus and Verilator replay the same run.
 */
public final class TileSimulation {
    private TileSimulation() {
    }

    public static TileRun run(ModuleDef top, ArrayPlan plan, TileBuffers layout, boolean recordTrace) {
        long limit = plan.folds() * (plan.foldCycles() + 4) + plan.segmentLength() + 64;
        return run(top, layout, plan.tile(), limit, recordTrace);
    }

    /** Runs any generated array whose results {@code results} maps, failing past {@code limit} cycles. */
    public static TileRun run(ModuleDef top, ResultMap results, TileShape tile, long limit, boolean recordTrace) {
        return run(top, results, tile, limit, recordTrace, SimEngine.INTERPRETED);
    }

    /** The same on a chosen simulator engine. */
    public static TileRun run(ModuleDef top, ResultMap results, TileShape tile, long limit, boolean recordTrace,
            SimEngine engine) {
        SimOptions options = (recordTrace ? SimOptions.defaults().withTrace() : SimOptions.defaults()).withEngine(engine);
        Simulator sim = Simulator.of(top, options);
        sim.reset(2);
        sim.poke("start", 1);
        long startCycle = sim.cycle();
        sim.step();
        sim.poke("start", 0);
        long computed = -1;
        while (sim.peek("done") == 0) {
            if (computed < 0 && sim.peek("computed") != 0) {
                computed = sim.cycle() - startCycle;
            }
            if (sim.cycle() - startCycle > limit) {
                throw new HdlException(top.name() + " did not finish within " + limit + " cycles");
            }
            sim.step();
        }
        if (computed < 0) {
            computed = sim.cycle() - startCycle;
        }
        long done = sim.cycle() - startCycle;
        int m = tile.m();
        int n = tile.n();
        long[] values = new long[m * n];
        long[] seenAt = new long[m * n];
        String[] signal = new String[m * n];
        java.util.List<String> ports = results.resultPorts();
        for (int read = 0; read < results.resultDepth(); read++) {
            sim.poke("rd_addr", read);
            sim.step();
            for (int port = 0; port < ports.size(); port++) {
                int[] element = results.resultElement(port, read);
                if (element != null) {
                    int at = element[0] * n + element[1];
                    values[at] = sim.peek(ports.get(port));
                    seenAt[at] = sim.cycle();
                    signal[at] = ports.get(port) + "[" + read + "]";
                }
            }
        }
        // one more edge so the trace holds the last word on the ports
        sim.step();
        return new TileRun(values, computed, done, seenAt, signal, recordTrace ? sim.trace() : null);
    }
}
