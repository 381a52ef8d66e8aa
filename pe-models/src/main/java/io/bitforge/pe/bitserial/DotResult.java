package io.bitforge.pe.bitserial;

/**
 * What the bit-serial PE returns for one output: the FP32 accumulator after the last group, the cycles the
 * PE spent ({@code ceil(groupLength/lanes)·⌈⌊w⌋/2⌉} summed over groups) and the number of groups dequantised.
 */
public record DotResult(float value, long cycles, int groups) {
}
