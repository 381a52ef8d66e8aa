package io.bitforge.core.quant;

/**
 * Whose quantiser the paper formats use. {@link #PAPER} (the default) does what each format's reference code
 * does, so a paper's numbers can be reproduced value for value: ANT's clipping search and ties to the upper
 * value for flint4 and PoT (clevercool/ANT-Quantization, ant_quantization/antquant/quant_modules.py and
 * quant/quant_kernel.cu, whose {@code sub_v <= sub_min} over the sorted grid keeps the later, upper value),
 * OliVe's 3σ-bound search and the same tie rule for the OVP formats (olive_quantization/antquant/quant_modules.py),
 * and ShiftAddLLM's binary-coding fit for bcq (GATECH-EIC/ShiftAddLLM, quantizers/bcq_quant/bcq.py and
 * bcq_shift.py). {@link #BITFORGE} selects BitForge's own variants, kept under this name so that they are used
 * knowingly: absmax scales for flint4/PoT, the wider RMS-based search for OVP, and a re-snapping BCQ fit, all
 * with ties to the lower value. Formats without a paper quantiser (integers, minifloats, BitMoD's types, which
 * already follow BitMoD's code) behave the same under both.
 */
public enum QuantMethod {
    PAPER, BITFORGE
}
