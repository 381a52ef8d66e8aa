package io.bitforge.core.units;

import java.util.List;

/**
 * The unit a JSON field's name carries (DESIGN.md: units are in names), so a number can be shown in human units:
 * {@code energyPicojoules: 1.1397E14} is {@code 114 J}. Names without a known unit suffix give plain numbers at
 * three significant digits; integers stay exact (they are counts and ids).
 */
public final class FieldUnits {
    /** Suffix, the base unit it converts to, the factor to that unit, and whether an SI prefix applies. */
    private record Suffix(String suffix, String unit, double factor, boolean prefixed) {
    }

    private static final List<Suffix> SUFFIXES = List.of(
            new Suffix("Picojoules", "J", 1e-12, true),
            new Suffix("Joules", "J", 1, true),
            new Suffix("JouleSeconds", "J·s", 1, true),
            new Suffix("Seconds", "s", 1, true),
            new Suffix("Nanoseconds", "s", 1e-9, true),
            new Suffix("Microseconds", "s", 1e-6, true),
            new Suffix("Milliseconds", "s", 1e-3, true),
            new Suffix("BytesPerCycle", "B/cycle", 1, false),
            new Suffix("Bytes", "B", 1, true),
            new Suffix("BytesPerSecond", "B/s", 1, true),
            new Suffix("OpsPerSecond", "op/s", 1, true),
            new Suffix("Hertz", "Hz", 1, true),
            new Suffix("Megahertz", "Hz", 1e6, true),
            new Suffix("Watts", "W", 1, true),
            new Suffix("SquareMicrometres", "mm²", 1e-6, false),
            new Suffix("SquareMillimetres", "mm²", 1, false),
            new Suffix("Percent", "%", 1, false),
            new Suffix("Decibels", "dB", 1, false));

    private FieldUnits() {
    }

    /** The field's unit suffix, if its name (or its parent's, for maps like energyPicojoules.MAC) ends in one. */
    private static Suffix suffix(String name) {
        Suffix best = null;
        for (Suffix s : SUFFIXES) {
            if (name.endsWith(s.suffix()) && (best == null || s.suffix().length() > best.suffix().length())) {
                best = s;
            }
        }
        return best;
    }

    public static boolean hasUnit(String name) {
        return name != null && suffix(name) != null;
    }

    /** The value as a person reads it, in the unit the field name carries. */
    public static String format(String name, double value) {
        Suffix s = name == null ? null : suffix(name);
        if (s == null) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return String.valueOf((long) value);
            }
            return HumanUnits.significant(value, HumanUnits.DIGITS);
        }
        double converted = value * s.factor();
        if (s.prefixed()) {
            return HumanUnits.format(converted, s.unit());
        }
        return HumanUnits.significant(converted, HumanUnits.DIGITS) + " " + s.unit();
    }
}
