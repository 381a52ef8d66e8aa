package io.bitforge.core.memory;

import io.bitforge.core.registry.Catalogued;

/** A named DRAM (or other off-chip memory) configuration with published figures; see {@code memory-models}. */
public interface MemoryPreset extends Catalogued {
}
