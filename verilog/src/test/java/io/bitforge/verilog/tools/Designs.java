package io.bitforge.verilog.tools;

import io.bitforge.verilog.gen.Accumulator;
import io.bitforge.verilog.gen.Counter;
import io.bitforge.verilog.gen.Fifo;
import io.bitforge.verilog.gen.Mac16;
import io.bitforge.verilog.gen.Ram;
import io.bitforge.verilog.gen.Saturator;
import io.bitforge.verilog.gen.SystolicArray;
import io.bitforge.verilog.gen.SystolicWrapper;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.ReadUnderWrite;

import java.util.LinkedHashMap;
import java.util.Map;

/** The designs every tool test exercises, by a short label. */
final class Designs {
    private Designs() {
    }

    static Map<String, ModuleDef> all() {
        Map<String, ModuleDef> d = new LinkedHashMap<>();
        d.put("counter", Counter.build(8));
        d.put("accumulator", Accumulator.build(8, 20));
        d.put("fifo", Fifo.build(8, 4));
        for (ReadUnderWrite p : ReadUnderWrite.values()) {
            d.put("ram-" + p.name().toLowerCase(java.util.Locale.ROOT), Ram.build(4, 8, p));
        }
        d.put("saturator", Saturator.build(20, 16));
        d.put("mac16", Mac16.build());
        d.put("array4x4", SystolicArray.build(new SystolicArray.Params(4, 4, 8, 32)));
        d.put("wrapper2x2", SystolicWrapper.build(new SystolicArray.Params(2, 2, 8, 32)));
        return d;
    }
}
