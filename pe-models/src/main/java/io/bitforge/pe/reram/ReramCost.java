package io.bitforge.pe.reram;

import io.bitforge.core.cost.ActionCounts;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.CycleBreakdown;
import io.bitforge.core.cost.EnergyBreakdown;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cycles, energy and area of one GEMM {@code C[M×N] = A[M×K]·B[K×N]} on a grid of crossbar tiles
 * ({@code array.rows × array.cols} crossbars). B is the stationary weight matrix: it takes
 * {@code ceil(K/crossbarRows) × ceil(N/weightsPerCrossbar)} crossbars; when fewer are needed the mapping is
 * replicated and the M input vectors are shared among the copies. One matrix-vector product takes
 * {@code inputCycles × rowPartitions × ceil(usedColumns/ADCs) × conversionCycles} cycles (research notes §5.2),
 * with a SAR comparator cycle per clock cycle (NeuroSim: 1 ns at 1 GHz). A model that does not fit is run in
 * rounds, each reprogramming the crossbars (cost from the parameters, flagged as an estimate).
 */
final class ReramCost {
    /** ISAAC (Shafiee et al., ISCA 2016) Table 2, 32 nm, per IMA of 8 crossbars at a 100 ns crossbar cycle. */
    static final String ISAAC = "ISAAC (Shafiee et al., ISCA 2016) Table 2, 32 nm IMA components; per-event figures "
            + "derived from component power by assumed activity";
    /** DAC: 8×128 one-bit DACs 4 mW → 4e-3/1024 W × 100 ns = 0.39 pJ per word-line activation. */
    static final double DAC_PJ = 4e-3 / 1024 * 100e-9 * 1e12;
    /** S+H: 8×128 at 10 µW → 10e-6/1024 W × 100 ns per sample. */
    static final double SAMPLE_HOLD_PJ = 10e-6 / 1024 * 100e-9 * 1e12;
    /** Shift-and-add: 4 units 0.2 mW serving 8 ADCs at 1.28 GS/s → 0.2e-3/(8·1.28e9) J per ADC output. */
    static final double SHIFT_ADD_PJ = 0.2e-3 / (8 * 1.28e9) * 1e12;
    /** Input register 2 KB, 1.24 mW, feeding 8·128 input bits per 100 ns cycle → per input bit read. */
    static final double INPUT_BUFFER_PJ_PER_BIT = 1.24e-3 * 100e-9 / 1024 * 1e12;
    /** Output register 256 B, 0.23 mW, taken as one 2 KiB-bit write per 100 ns cycle → per output bit. */
    static final double OUTPUT_BUFFER_PJ_PER_BIT = 0.23e-3 * 100e-9 / 2048 * 1e12;
    /** Areas per crossbar-sized share, µm² (Table 2: array 0.0002 mm²/8, DAC 0.00017/1024, S+H 0.00004/1024,
     *  shift-add 0.00024 mm²/8, IR 0.0021 mm²/8, OR 0.00077 mm²/8, ADC 0.0096 mm²/8 for 8 bits). */
    static final double ARRAY_UM2 = 0.0002e6 / 8;
    static final double DAC_UM2 = 0.00017e6 / 1024;
    static final double SAMPLE_HOLD_UM2 = 0.00004e6 / 1024;
    static final double SHIFT_ADD_UM2 = 0.00024e6 / 8;
    static final double BUFFERS_UM2 = (0.0021e6 + 0.00077e6) / 8;
    static final double ADC8_UM2 = 0.0096e6 / 8;
    /** Share of word lines driven with a non-zero input digit (estimate without data). */
    static final double INPUT_ACTIVITY = 0.5;

    private ReramCost() {
    }

    /** Cycles of one MVM on one crossbar for the given conversion cycles per sample (may be fractional). */
    static double mvmCycles(ReramParams p, int activationBits, int usedRows, int usedColumns, double conversionCycles) {
        long partitions = ceilDiv(usedRows, p.parallelRows());
        int adcs = p.crossbarCols() / p.colsPerAdc();
        long muxSteps = ceilDiv(usedColumns, Math.max(1, adcs));
        return (double) p.inputCycles(activationBits) * partitions * muxSteps * conversionCycles;
    }

    /** Comparator cycles per conversion the engine assumes: measured expectation when given, else full. */
    static double conversionCycles(ReramParams p) {
        if (p.adcScheme() == AdcScheme.FULL) {
            return p.fullConversionCycles();
        }
        return p.expectedComparatorCycles().orElse(p.fullConversionCycles());
    }

    /**
     * Compute cycles of one GEMM instance on {@code available} crossbars: when its weights fit, copies in the spare
     * crossbars share the M input vectors ({@code ceil(M / replicas)} MVMs); when not, one MVM per vector per round.
     */
    static long computeCycles(ReramParams p, GemmOp op, long available) {
        int columnsPerWeight = p.columnsPerWeight(op.weights().bits());
        long weightsPerCrossbar = p.crossbarCols() / columnsPerWeight;
        long needed = ceilDiv(op.k(), p.crossbarRows()) * ceilDiv(op.n(), weightsPerCrossbar);
        int usedRows = (int) Math.min(op.k(), p.crossbarRows());
        int usedColumns = (int) (Math.min(op.n(), weightsPerCrossbar) * columnsPerWeight);
        double mvm = mvmCycles(p, op.activations().bits(), usedRows, usedColumns, conversionCycles(p));
        if (needed <= available) {
            return (long) Math.ceil(ceilDiv(op.m(), available / needed) * mvm);
        }
        return (long) Math.ceil(ceilDiv(needed, available) * op.m() * mvm);
    }

    static CostReport gemm(ReramParams p, GemmOp op, ArraySpec array, TechNode node) {
        int ab = op.activations().bits();
        int wb = op.weights().bits();
        int columnsPerWeight = p.columnsPerWeight(wb);
        long weightsPerCrossbar = p.crossbarCols() / columnsPerWeight;
        long rowTiles = ceilDiv(op.k(), p.crossbarRows());
        long colTiles = ceilDiv(op.n(), weightsPerCrossbar);
        long needed = rowTiles * colTiles;
        long available = array.cells();
        int usedRows = (int) Math.min(op.k(), p.crossbarRows());
        int usedColumns = (int) (Math.min(op.n(), weightsPerCrossbar) * columnsPerWeight);
        double conversion = conversionCycles(p);
        double mvm = mvmCycles(p, ab, usedRows, usedColumns, conversion);
        List<CostSource> sources = new ArrayList<>();
        long compute;
        long reprogram = 0;
        double programPicojoules = 0;
        long rounds = 1;
        compute = computeCycles(p, op, available);
        if (needed > available) {
            rounds = ceilDiv(needed, available);
            reprogram = rounds * (long) p.crossbarRows() * p.programCyclesPerRow();
            programPicojoules = (double) needed * p.crossbarRows() * p.crossbarCols() * p.programPicojoulesPerCell();
            sources.add(new CostSource("reram-reprogramming", "weights need " + needed + " crossbars, " + available
                    + " available: " + rounds + " programming rounds at " + p.programCyclesPerRow()
                    + " cycles per row and " + p.programPicojoulesPerCell() + " pJ per cell (parameters)",
                    node.id(), true));
        }
        if (p.adcScheme() != AdcScheme.FULL) {
            boolean measured = p.expectedComparatorCycles().isPresent();
            sources.add(new CostSource("reram-adc-cycles-" + p.adcScheme().id(), measured
                    ? "expected comparator cycles per conversion measured on the weights: " + conversion
                    : "no expected comparator cycles given: full conversion (" + conversion + " cycles) assumed",
                    node.id(), true));
        }

        // Work counts over the whole GEMM.
        long partitionsTotal = 0;
        for (long tile = 0; tile < rowTiles; tile++) {
            long rowsInTile = Math.min(p.crossbarRows(), op.k() - tile * p.crossbarRows());
            partitionsTotal += ceilDiv(rowsInTile, p.parallelRows());
        }
        double inputCycles = p.inputCycles(ab);
        double physicalColumns = (double) op.n() * columnsPerWeight;
        double conversions = op.m() * inputCycles * partitionsTotal * physicalColumns;
        double wordLineDrives = op.m() * inputCycles * op.k() * colTiles;
        double cellReads = op.m() * inputCycles * op.k() * physicalColumns * INPUT_ACTIVITY;

        double gOn = 1.0 / p.onResistanceOhms();
        double gOff = 1.0 / p.offResistanceOhms();
        double gMean = (gOn + gOff) / 2; // weights unknown: mean cell conductance (estimate)
        double columnOhms = 1.0 / (p.parallelRows() * INPUT_ACTIVITY * gMean);
        double adcPicojoules = NeuroSimSarFit.picojoulesPerConversion(node, p.adcBits(), columnOhms, p.readVoltage(),
                conversion);
        // Crossbar read: V²·G·t per active cell (Ohm's law), mean conductance, read pulse from the parameters.
        double cellPicojoules = p.readVoltage() * p.readVoltage() * gMean * p.readPulseNanoseconds() * 1e-9 * 1e12;
        double isaacScale = TechScaling.energyFactor(TechNode.N32, node);
        double reductionAdds = (double) op.m() * op.n() * (rowTiles - 1);

        Map<EnergyCategory, Double> energy = new LinkedHashMap<>();
        energy.put(EnergyCategory.ADC, conversions * adcPicojoules);
        energy.put(EnergyCategory.DAC, wordLineDrives * DAC_PJ * isaacScale);
        energy.put(EnergyCategory.CROSSBAR, cellReads * cellPicojoules + programPicojoules
                + conversions * SAMPLE_HOLD_PJ * isaacScale);
        energy.put(EnergyCategory.SHIFT_ADD, (conversions + reductionAdds) * SHIFT_ADD_PJ * isaacScale);
        energy.put(EnergyCategory.SRAM_READ, (double) op.m() * op.k() * colTiles * ab * INPUT_BUFFER_PJ_PER_BIT
                * isaacScale);
        energy.put(EnergyCategory.SRAM_WRITE, (double) op.m() * op.n() * op.outputs().bits()
                * OUTPUT_BUFFER_PJ_PER_BIT * isaacScale);

        long[] reads = {op.m() * op.k() * colTiles, rounds > 1 ? op.k() * op.n() : 0, 0};
        long[] writes = {0, 0, op.m() * op.n()};
        long[] dram = {0, rounds > 1 ? op.weights().bytesFor(op.k() * op.n()) : 0, 0};
        ActionCounts actions = ActionCounts.of(op.activations().format() + "x" + op.weights().format(),
                op.m() * op.k() * op.n(), reads, writes, dram);

        double areaScale = TechScaling.areaFactor(TechNode.N32, node);
        Map<String, Double> area = new LinkedHashMap<>();
        area.put("crossbar-arrays", available * ARRAY_UM2 * areaScale);
        area.put("adc", available * (p.crossbarCols() / p.colsPerAdc()) * adcSquareMicrometres(p.adcBits())
                * areaScale);
        area.put("dac", available * p.crossbarRows() * DAC_UM2 * areaScale);
        area.put("sample-hold", available * p.crossbarCols() * SAMPLE_HOLD_UM2 * areaScale);
        area.put("shift-add", available * SHIFT_ADD_UM2 * areaScale);
        area.put("crossbar-buffers", available * BUFFERS_UM2 * areaScale);

        sources.add(NeuroSimSarFit.source(node));
        sources.add(new CostSource("isaac-ima-components", ISAAC, "32nm", true));
        sources.add(new CostSource("reram-cell-read", "V_read²·G·t_read per active cell, mean of G_on and G_off, "
                + INPUT_ACTIVITY + " input activity (estimate)", node.id(), true));
        TechScaling.sourceFor(TechNode.N32, node).ifPresent(sources::add);
        return new CostReport(new CycleBreakdown(compute, 0, reprogram, 0), actions, EnergyBreakdown.of(energy), area,
                sources);
    }

    /**
     * ISAAC's 8-bit ADC area (0.0096 mm² / 8 at 32 nm) scaled to N bits by NeuroSim's SAR transistor count
     * {@code (269 + (N−1)·109) + (209 + (N−1)·73)} (SarADC.cpp CalculateUnitArea, NMOS and PMOS counted alike:
     * an estimate).
     */
    static double adcSquareMicrometres(int bits) {
        return ADC8_UM2 * transistors(bits) / transistors(8);
    }

    private static double transistors(int bits) {
        return 269 + (bits - 1) * 109 + 209 + (bits - 1) * 73;
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
