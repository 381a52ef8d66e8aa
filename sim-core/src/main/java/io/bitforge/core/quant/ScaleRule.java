package io.bitforge.core.quant;

/**
 * How a group's scale is chosen.
 * <ul>
 *   <li>{@link #ABSMAX}: the group's largest magnitude maps to the grid's largest magnitude (BitMoD's
 *       quantiser, yc2367/BitMoD-HPCA-25 quant_weight.py: scale = rmax / max|grid|); asymmetric quantisation
 *       maps [min, max] onto the grid's [min, max]. Two's-complement integers map the absmax onto
 *       their positive maximum (int4: 7), as BitMoD's quant_int does; OVP maps it onto its largest outlier.</li>
 *   <li>{@link #ABSMEAN}: scale = mean|x| (BitNet b1.58's absmean, arXiv 2402.17764), the ternary default.</li>
 *   <li>{@link #MSE_SEARCH}: the largest normal grid value maps to α, searched by least squared error over
 *       α ∈ {0.75, 0.80, …, 2.50}·3σ (σ the group's root mean square) plus the absmax choice, as OliVe's
 *       weight quantiser searches 75–250% of a 3σ bound (clevercool/ANT-Quantization,
 *       olive_quantization/antquant/quant_modules.py); the OVP default.</li>
 *   <li>{@link #NONE}: scale 1, a plain cast; the default for fp16 and bf16, whose range needs no scaling.</li>
 * </ul>
 */
public enum ScaleRule {
    ABSMAX, ABSMEAN, MSE_SEARCH, NONE
}
