package io.bitforge.reports;

import io.bitforge.core.units.FieldUnits;
import io.bitforge.core.units.HumanUnits;
import io.bitforge.core.units.QuantityColumn;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected strings derived by hand from the SI prefix table and rounding to three significant digits. */
class HumanUnitsTest {
    @Test
    void scalesToThePrefixThatPutsTheValueBetweenOneAndAThousand() {
        assertEquals("1.23 ms", HumanUnits.seconds(0.001234));
        assertEquals("114 J", HumanUnits.joules(1.1397e14 * 1e-12)); // the 1.1397E14 pJ
        assertEquals("456 µJ", HumanUnits.joules(4.56e-4));
        assertEquals("12.0 GB", HumanUnits.bytes(12e9));
        assertEquals("6.74 G", HumanUnits.count(6_738_415_616d));
        assertEquals("1.00 s", HumanUnits.seconds(1));
        assertEquals("0", HumanUnits.count(0));
        assertEquals("-2.50 mJ", HumanUnits.joules(-0.0025));
    }

    @Test
    void roundingUpToAThousandTakesTheNextPrefix() {
        assertEquals("1.00 s", HumanUnits.seconds(0.99996));
        assertEquals("1.00 kB", HumanUnits.bytes(999.6));
        assertEquals("999 B", HumanUnits.bytes(999.4));
    }

    @Test
    void aColumnHasOnePrefixNamedInItsHeader() {
        List<Double> seconds = Arrays.asList(0.0123, 0.00045, 0.2, null);
        QuantityColumn column = QuantityColumn.of("latency", "s", seconds);
        assertEquals("latency (ms)", column.header());
        // Largest 200 ms: no decimals; 12.3 ms keeps 3 digits; 0.45 ms shows 3 significant digits.
        assertEquals(List.of("12.3", "0.450", "200", ""), column.cells(seconds));
    }

    @Test
    void aUnitlessColumnKeepsItsNameAndNonFiniteValuesSaySo() {
        QuantityColumn column = QuantityColumn.of("tokens/s", "", List.of(12.5, 3.0));
        assertEquals("tokens/s", column.header());
        assertEquals("12.5", column.cell(12.5));
        assertEquals("3.00", column.cell(3.0));
        assertEquals("n/a", column.cell(Double.NaN));
    }

    @Test
    void aFieldNameCarriesItsUnit() {
        assertEquals("114 J", FieldUnits.format("energyPicojoules", 1.1397e14));
        assertEquals("4.26 ms", FieldUnits.format("latencyMicroseconds", 4257.791));
        assertEquals("0.249 mm²", FieldUnits.format("areaSquareMicrometres", 249391.0195));
        assertEquals("98.5 %", FieldUnits.format("computeUtilizationPercent", 98.5089));
        assertEquals("51.2 B/cycle", FieldUnits.format("stallFreeDramBandwidthBytesPerCycle", 51.2224));
        // No unit in the name: a whole number is a count and stays exact; others get three significant digits.
        assertEquals("4294967296", FieldUnits.format("macs", 4294967296.0));
        assertEquals("4.13", FieldUnits.format("bitsPerValue", 4.125));
    }
}
