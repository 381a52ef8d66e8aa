package io.bitforge.verilog.sim;

import io.bitforge.verilog.gen.SystolicArray;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated kernel: deterministic text, split into short methods, and cached per design in the process. */
class KernelSourceTest {

    @Test
    void sameDesignGivesTheSameSourceSplitIntoShortMethods() {
        SystolicArray.Params p = new SystolicArray.Params(12, 12, 8, 32);
        KernelSource first = Simulator.of(SystolicArray.build(p)).kernelSource();
        KernelSource second = Simulator.of(SystolicArray.build(p)).kernelSource();
        assertEquals(first.javaSource(), second.javaSource());
        // 144 PEs: each a product, an accumulator and two forwarded operands, so many methods
        assertTrue(first.methods() > 2, "methods: " + first.methods());
        // every statement of a PE is translated: no closure of the interpreter is called
        assertEquals(0, first.combFallbacks().size() + first.nextFallbacks().size());
        Matcher method = Pattern.compile("private void [sn]\\d+\\([^)]*\\) \\{\\n(.*?)\\n    }", Pattern.DOTALL)
                .matcher(first.javaSource());
        int methods = 0;
        while (method.find()) {
            methods++;
            // 400 operator nodes of a few bytecode bytes each stay far below HotSpot's 8,000-byte limit
            assertTrue(method.group(1).length() < 40_000, "method " + methods + " is " + method.group(1).length());
        }
        assertEquals(first.methods(), methods);
    }

    @Test
    void aSecondSimulatorOfTheSameDesignReusesTheCompiledKernel() {
        SystolicArray.Params p = new SystolicArray.Params(3, 2, 8, 20);
        SimOptions compiled = SimOptions.defaults().withEngine(SimEngine.COMPILED);
        Simulator.of(SystolicArray.build(p), compiled);
        Simulator again = Simulator.of(SystolicArray.build(p), compiled);
        assertEquals(SimEngine.COMPILED, again.engine(), () -> again.engineNote().orElse(""));
        assertEquals(0, again.kernelCompileNanos(), "the second simulator found the kernel in the cache");
    }
}
