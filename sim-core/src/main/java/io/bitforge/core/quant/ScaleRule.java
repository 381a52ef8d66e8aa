package io.bitforge.core.quant;

/**
 * How a group's scale is chosen.
 * <ul>
 *   <li>{@link #ABSMAX}: the group's largest magnitude maps to the grid's largest magnitude (BitMoD's
 *       quantiser, yc2367/BitMoD-HPCA-25 quant_weight.py: scale = rmax / max|grid|); asymmetric quantisation
 *       maps [min, max] onto the grid's [min, max]. Two's-complement integers map the absmax onto
 *       their positive maximum (int4: 7), as BitMoD's quant_int does; OVP maps it onto its largest outlier.</li>
 *   <li>{@link #ABSMEAN}: scale = mean|x| (BitNet b1.58's absmean, arXiv 2402.17764), the ternary default.</li>
 *   <li>{@link #CLIP_SEARCH}: ANT's clipping search (clevercool/ANT-Quantization,
 *       ant_quantization/antquant/quant_modules.py, search_mse): the grid's largest value maps to
 *       α = absmax·i/100 for i = 75 … 149 (95 … 149 above 6 bits; the bounds are w_low/w_up's defaults in
 *       ImageNet/main.py), keeping the first α of least squared error; the default for ANT's flint and PoT
 *       formats under {@link QuantMethod#PAPER}.</li>
 *   <li>{@link #SIGMA_SEARCH}: OliVe's search (olive_quantization/antquant/quant_modules.py, search_mse): the
 *       largest normal value maps to α = b·i/100 for i = 75, 77, … 149, where b = max(|μ + 3σ|, |μ − 3σ|) with
 *       σ the unbiased standard deviation, keeping the first α of least squared error; the OVP default under
 *       {@link QuantMethod#PAPER}.</li>
 *   <li>{@link #MSE_SEARCH}: BitForge's own OVP search, not OliVe's: the largest normal value maps to α, searched
 *       over the absmax and α ∈ {0.75, 0.80, …, 2.50}·3·RMS by least squared error; the OVP default under
 *       {@link QuantMethod#BITFORGE}.</li>
 *   <li>{@link #NONE}: scale 1, a plain cast; the default for fp16 and bf16, whose range needs no scaling.</li>
 * </ul>
 */
public enum ScaleRule {
    ABSMAX, ABSMEAN, CLIP_SEARCH, SIGMA_SEARCH, MSE_SEARCH, NONE
}
