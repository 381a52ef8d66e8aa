package io.bitforge.core.pe;

import io.bitforge.core.registry.Catalogued;

/**
 * A processing-element family (mac-int, bitfusion, bit-serial, lut, ovp, reram, ...): its parameter record,
 * timing, per-action energy and per-unit area. Implementations live in {@code pe-models} and register through
 * {@link io.bitforge.core.registry.RegistryContributor}.
 */
public interface PeFamily extends Catalogued {
}
