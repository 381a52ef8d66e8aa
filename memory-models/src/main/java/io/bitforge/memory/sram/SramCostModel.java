package io.bitforge.memory.sram;

import java.util.List;

/**
 * Energy per access and area of an SRAM at 28 nm, from power-law least-squares fits to the CACTI points of
 * {@link CactiSramTable}. An access reads or writes one word of one bank, so its energy is that of a single-bank
 * SRAM of the bank's capacity and the word's width; the macro's area is banks × one bank's area.
 *
 * <p>Limits: the fitted points span 128 B to 4 MiB and 8 to 256 bits, all with one read and one write port.
 * Outside that range the fit is an extrapolation; extra ports are not charged area or energy (CACTI would
 * charge more), so multi-ported macros are underestimated.
 */
public final class SramCostModel {
    private final PowerLawFit readNanojoules;
    private final PowerLawFit writeNanojoules;
    private final PowerLawFit areaSquareMillimetres;

    private SramCostModel(List<CactiSramPoint> points) {
        this.readNanojoules = PowerLawFit.fit(points, CactiSramPoint::readNanojoules);
        this.writeNanojoules = PowerLawFit.fit(points, CactiSramPoint::writeNanojoules);
        this.areaSquareMillimetres = PowerLawFit.fit(points, CactiSramPoint::areaSquareMillimetres);
    }

    /** The model fitted to {@link CactiSramTable#POINTS} (28 nm). */
    public static SramCostModel cacti28nm() {
        return new SramCostModel(CactiSramTable.POINTS);
    }

    /** Node the costs are given at, in nanometres (scale with the technology-node rule for other nodes). */
    public int nodeNanometres() {
        return CactiSramTable.NODE_NANOMETRES;
    }

    public String source() {
        return CactiSramTable.SOURCE + "; power-law least-squares fit (Commons Math OLS on logarithms)";
    }

    /** Energy of reading one word from a single-bank SRAM of {@code capacityBytes}, in picojoules. */
    public double readPicojoules(long capacityBytes, int wordBits) {
        return readNanojoules.at(capacityBytes, wordBits) * 1000.0;
    }

    /** Energy of writing one word into a single-bank SRAM of {@code capacityBytes}, in picojoules. */
    public double writePicojoules(long capacityBytes, int wordBits) {
        return writeNanojoules.at(capacityBytes, wordBits) * 1000.0;
    }

    /** Area of a single-bank SRAM, in square micrometres. */
    public double areaSquareMicrometres(long capacityBytes, int wordBits) {
        return areaSquareMillimetres.at(capacityBytes, wordBits) * 1e6;
    }

    /** Energy of one word read from {@code macro}: one access to one bank. */
    public double readPicojoules(SramMacro macro) {
        return readPicojoules(macro.bankCapacityBytes(), macro.wordBits());
    }

    /** Energy of one word written into {@code macro}: one access to one bank. */
    public double writePicojoules(SramMacro macro) {
        return writePicojoules(macro.bankCapacityBytes(), macro.wordBits());
    }

    /** Area of {@code macro}: banks × one bank. */
    public double areaSquareMicrometres(SramMacro macro) {
        return macro.banks() * areaSquareMicrometres(macro.bankCapacityBytes(), macro.wordBits());
    }

    /** Coefficient of determination of the read-energy fit on its logarithms. */
    public double readFitRSquared() {
        return readNanojoules.rSquared();
    }

    public double writeFitRSquared() {
        return writeNanojoules.rSquared();
    }

    public double areaFitRSquared() {
        return areaSquareMillimetres.rSquared();
    }
}
