package io.bitforge.core.device;

import io.bitforge.core.registry.Catalogued;

/** A real accelerator (GPU, SoC) with published peak throughput per precision and memory bandwidth. */
public interface Device extends Catalogued {
}
