package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Direction;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The compiled engine against the interpreter (the oracle) on random designs and random operands: every named
 * signal of the flattened design (ports, wires, registers, read ports, instance outputs, down the hierarchy) in
 * every cycle, and the memory's words at the end. Half the designs of the first property, and every design of
 * the second, have signals of 65 to 200 bits, which the kernel computes in words ({@link WideWords}). Each try
 * compiles one design, so tries are few and designs large.
 */
class CompiledSimulatorProperties {

    @Property(tries = 12)
    void compiledEqualsInterpreted(@ForAll long seed) {
        compare(seed, (seed & 1) == 0);
    }

    @Property(tries = 6)
    void wideNetsCompiledAsWordsEqualInterpreted(@ForAll long seed) {
        compare(seed, true);
    }

    private static void compare(long seed, boolean wide) {
        RandomDesigns designs = new RandomDesigns(seed, wide);
        ModuleDef top = designs.build(40);
        Simulator oracle = Simulator.of(top, SimOptions.defaults().withActivity());
        Simulator compiled = Simulator.of(top, SimOptions.defaults().withActivity().withEngine(SimEngine.COMPILED));
        assertEquals(SimEngine.COMPILED, compiled.engine(), () -> compiled.engineNote().orElse(""));
        KernelSource source = compiled.kernelSource();
        // only the asynchronous read port stays the interpreter's: every net and register, wide ones too, is Java
        assertEquals(1, source.combFallbacks().size(), "seed " + seed);
        assertEquals(0, source.nextFallbacks().size(), "seed " + seed);
        Random rnd = new Random(seed);
        oracle.reset(1);
        compiled.reset(1);
        for (int cycle = 0; cycle < 40; cycle++) {
            for (Port p : top.ports()) {
                if (p.direction() == Direction.IN) {
                    BigInteger value = designs.randomValue(p.shape());
                    oracle.poke(p, value);
                    compiled.poke(p, value);
                }
            }
            if (rnd.nextInt(15) == 0) {
                oracle.reset(1);
                compiled.reset(1);
            }
            for (String path : oracle.signalPaths()) {
                assertEquals(oracle.peekWide(path), compiled.peekWide(path), "seed " + seed + ", cycle " + cycle
                        + ", signal " + path);
            }
            oracle.step();
            compiled.step();
        }
        MemoryView expected = oracle.memory("mem");
        MemoryView actual = compiled.memory("mem");
        for (int a = 0; a < expected.depth(); a++) {
            assertEquals(expected.read(a), actual.read(a), "seed " + seed + ", mem[" + a + "]");
        }
        assertEquals(oracle.activity(), compiled.activity(), "seed " + seed);
    }
}
