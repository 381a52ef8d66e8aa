package io.bitforge.verilog.emit;

import io.bitforge.verilog.hdl.Memory;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Names;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints a checked design as Verilog-2005, one module per file. The output avoids every construct whose
 * meaning depends on Verilog's context-determined expression widths: each operation gets its own wire of its
 * exact shape, operands are extended explicitly (sign bit replicated or zeros) to the width the operation is
 * done in, all nets are declared unsigned and signedness appears only as {@code $signed(...)} around
 * equal-width operands (so negative constants are printed as {@code $signed} bit patterns). Each register has
 * its own {@code always @(posedge clk)}; memories use the synchronous-read templates Yosys maps to iCE40 block
 * RAM. The same design always prints the same bytes.
 */
public final class VerilogEmitter {
    private VerilogEmitter() {
    }

    /** Every module of the design, for simulation ({@link EmitOptions#simulation()}). */
    public static EmittedDesign emit(ModuleDef top) {
        return emit(top, EmitOptions.simulation());
    }

    public static EmittedDesign emit(ModuleDef top, EmitOptions options) {
        Map<String, String> files = new LinkedHashMap<>();
        for (ModuleDef m : top.hierarchy()) {
            files.put(Names.sanitize(m.name()) + ".v", new ModuleWriter(m, options).write());
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (ModuleDef m : top.hierarchy()) {
            for (Memory mem : m.memories()) {
                if (mem.loadsFromHex()) {
                    data.put(ModuleWriter.hexFileName(m, mem), ModuleWriter.hexContents(mem));
                }
            }
        }
        return new EmittedDesign(Names.sanitize(top.name()), files, data);
    }

    /** The Verilog of one module, for simulation. */
    public static String emitModule(ModuleDef module) {
        return new ModuleWriter(module, EmitOptions.simulation()).write();
    }
}
