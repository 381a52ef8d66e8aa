package io.bitforge.core.format;

/**
 * What encoding does with a finite value beyond the largest representable magnitude. {@link #SATURATE} (the
 * default for every format) clamps to ±max, as quantisers and the OCP "saturating" conversion do;
 * {@link #NON_SATURATING} follows IEEE 754 round-to-nearest: a value at or beyond the rounding boundary
 * above max becomes ±infinity, or NaN for OCP FP8 E4M3, which has no infinity (OCP 8-bit Floating Point
 * Specification (OFP8) rev 1.0, §5). Formats without infinity or NaN always saturate.
 */
public enum Overflow {
    SATURATE, NON_SATURATING
}
