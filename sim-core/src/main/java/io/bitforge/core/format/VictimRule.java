package io.bitforge.core.format;

/**
 * Which value of an OliVe pair survives when both are outliers. {@link #EVEN_FIRST} is what the public code
 * does (clevercool/ANT-Quantization, olive_quantization/antquant/quant_modules.py: an outlier in the even slot
 * always wins and prunes its odd partner); {@link #KEEP_LARGER} is the paper's description (OliVe, ISCA 2023:
 * the larger outlier is kept), ties to the even slot.
 */
public enum VictimRule {
    EVEN_FIRST, KEEP_LARGER
}
