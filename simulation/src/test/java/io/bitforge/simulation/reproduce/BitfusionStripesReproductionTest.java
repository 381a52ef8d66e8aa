package io.bitforge.simulation.reproduce;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bit Fusion vs Stripes (examples/reproduce/bitfusion-stripes) through the engine, against both designs' cycle rules
 * written out here: Stripes (DNNsim's 16-tile node: 16 windows x 256 filters of 16-lane serial inner-product units)
 * takes ceil(M/16) ceil(N/256) ceil(K/16) steps of P_a cycles, P_a the layer's activation bits (Judd et al., MICRO
 * 2016: time proportional to the activation precision); Bit Fusion (bf_s_conf.ini: 16 x 32 Fusion Units) takes
 * ceil(M/(16 f_a)) ceil(N/(32 f_w)) K cycles, f = 8 / max(2, bits) (Bit Fusion's fusion factors, ISCA 2018). Both
 * run at 980 MHz, so the speed-up is a ratio of cycles. With unlimited DRAM bandwidth the engine's cycles are these
 * rules plus its SRAM port stalls (at most 10% here: a fold of a short-K first layer cannot write its outputs in
 * its few cycles).
 */
class BitfusionStripesReproductionTest {
    private static final Path FILE = Path.of("..", "examples", "reproduce", "bitfusion-stripes", "reproduction.yaml");
    private static ReproductionFile file;
    private static Reproduction.Result computeOnly;
    private static Reproduction.Result result;

    @BeforeAll
    static void run() {
        file = ReproductionFile.read(FILE);
        result = Reproduction.run("bitfusion-stripes", file, Registry.load());
        // the same file with no DRAM traffic: cycles are the compute rules alone
        ReproductionFile unlimited = new ReproductionFile(file.directory(), file.paper(), file.artefact(),
                file.requiredFamilies(), file.batch(), file.foldConvention(),
                ReproductionFile.Memory.UNLIMITED_BANDWIDTH, file.normaliseTo(), file.designs(), file.models(),
                file.ratios(), file.sram(), file.energy(), file.hardwarePatch());
        computeOnly = Reproduction.run("bitfusion-stripes", unlimited, Registry.load());
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    private static long stripesCycles(LayerList layers) {
        long cycles = 0;
        for (GemmOp op : layers.gemms("stripes", file.batch())) {
            assertEquals(16, op.weights().bits(), op.name() + ": Stripes' weights are 16-bit");
            cycles += ceil(op.m(), 16) * ceil(op.n(), 256) * ceil(op.k(), 16) * op.activations().bits();
        }
        return cycles;
    }

    private static long fusion(int bits) {
        return 8 / Math.max(2, Integer.highestOneBit(bits) == bits ? bits : Integer.highestOneBit(bits) * 2);
    }

    private static long bitfusionCycles(LayerList layers) {
        long cycles = 0;
        for (GemmOp op : layers.gemms("bitfusion", file.batch())) {
            cycles += ceil(op.m(), 16 * fusion(op.activations().bits()))
                    * ceil(op.n(), 32 * fusion(op.weights().bits())) * op.k();
        }
        return cycles;
    }

    private static Reproduction.Row row(Reproduction.Result r, String model, String design) {
        return r.rows().stream().filter(x -> x.model().equals(model) && x.design().equals(design))
                .findFirst().orElseThrow();
    }

    /** The rule's cycles, plus at most 10% of SRAM port stalls the engine adds to them. */
    private static void assertWithinStalls(long rule, long engine, String what) {
        assertTrue(engine >= rule && engine <= rule * 1.10, what + ": rule " + rule + ", engine " + engine);
    }

    @Test
    void computeCyclesFollowBothDesignsRules() {
        for (ReproductionFile.Model model : file.models()) {
            LayerList layers = LayerList.read(model.layers());
            assertWithinStalls(stripesCycles(layers), row(computeOnly, model.name(), "stripes").cycles(),
                    model.name() + " stripes");
            assertWithinStalls(bitfusionCycles(layers), row(computeOnly, model.name(), "bitfusion").cycles(),
                    model.name() + " bitfusion");
        }
    }

    /**
     * The 16-tile Stripes node does 65536 one-bit products per cycle against Bit Fusion's 512 Fusion Units: on these
     * benchmarks it is faster than bf_s_conf.ini's Bit Fusion, so the speed-up is under 1, far from the paper's 2.6x
     * (docs/reproductions.md: the paper's Stripes configuration is not public; the size of Stripes separates them).
     * The headline's geometric mean of compute cycles is checked against the rules above.
     */
    @Test
    void speedupAgainstThePaper() {
        double logSum = 0;
        for (ReproductionFile.Model model : file.models()) {
            LayerList layers = LayerList.read(model.layers());
            logSum += Math.log((double) stripesCycles(layers) / bitfusionCycles(layers));
        }
        double computeSpeedup = Math.exp(logSum / file.models().size());
        assertEquals(computeSpeedup, computeOnly.ratios().get(0).value(), computeSpeedup * 0.10);
        Reproduction.RatioResult speedup = result.ratios().get(0);
        assertEquals(2.6, speedup.paper());
        assertTrue(speedup.value() < 1, "the 16-tile Stripes is faster: " + speedup.value());
    }

    /**
     * Energy: under the paper's 3.9x by more than 10%, as docs/reproductions.md says (Stripes' size and the DRAM model
     * separate them), and Bit Fusion still the more frugal of the two. With PE energy charged per cell-cycle, a Stripes
     * of one tile does the same cell-cycles as the 16-tile node in 16 times the time, so the size switch leaves the
     * PE part unchanged: the energy headline moves by under 1%.
     */
    @Test
    void energyAgainstThePaper() {
        Reproduction.RatioResult energy = result.ratios().get(1);
        assertEquals(3.9, energy.paper());
        assertTrue(energy.value() > 1 && energy.value() < 3.9 * 0.90, "energy " + energy.value());
        Sensitivity.Variant v = Reproductions.switched("bitfusion-stripes", FILE, Registry.load(), "Stripes' size");
        assertEquals(energy.value(), v.headlines().get(1).value(), energy.value() * 0.01);
    }

    /** One Stripes tile (about Bit Fusion's area by BitForge's tables) makes Bit Fusion faster, still short of 2.6x. */
    @Test
    void isoAreaStripesMovesTheSpeedupTowardsThePaper() {
        Sensitivity.Variant v = Reproductions.switched("bitfusion-stripes", FILE, Registry.load(), "Stripes' size");
        assertTrue(v.refused().isEmpty());
        double speedup = v.headlines().get(0).value();
        assertTrue(speedup > 1 && speedup < 2.6, "one-tile Stripes: " + speedup);
    }
}
