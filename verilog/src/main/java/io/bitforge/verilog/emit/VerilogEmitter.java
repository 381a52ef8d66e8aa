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
 * RAM. Only bits something reads are printed, with no lint pragma: an operation whose upper bits are dropped is
 * done at the narrower width, a wire nothing reads is left out, an instance output nothing reads is named
 * {@code *_unused} (Verilator's rule for a signal unread on purpose). The same design always prints the same bytes.
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
            files.put(Names.sanitize(m.name()) + ".v", write(m, options));
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
        return write(module, EmitOptions.simulation());
    }

    /**
     * One module, printed until a pass finds no wire or instance output that nothing reads: such a wire is left
     * out (and with it whatever only it read), such an output is named {@code *_unused}.
     */
    private static String write(ModuleDef m, EmitOptions options) {
        Liveness liveness = Liveness.none();
        while (true) {
            ModuleWriter writer = new ModuleWriter(m, options, liveness);
            String text = writer.write();
            Liveness next = writer.next();
            if (next.size() == liveness.size()) {
                return text;
            }
            liveness = next;
        }
    }
}
