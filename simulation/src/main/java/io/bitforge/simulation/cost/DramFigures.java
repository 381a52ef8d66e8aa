package io.bitforge.simulation.cost;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.memory.MemoryPreset;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DRAM figures a simulation needs from a spec: sustained bytes per accelerator cycle, energy per bit and
 * capacity, from the spec's custom figures or its registered preset.
 */
public record DramFigures(String name, double bytesPerCycle, double picojoulesPerBit, long capacityBytes) {

    /** The figures as reports write them: name, bytesPerCycle, picojoulesPerBit, capacityBytes. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("bytesPerCycle", bytesPerCycle);
        map.put("picojoulesPerBit", picojoulesPerBit);
        map.put("capacityBytes", capacityBytes);
        return map;
    }

    public static DramFigures of(HardwareSpec spec, Registry registry) {
        if (spec.dram() instanceof DramSpec.Custom custom) {
            return new DramFigures("custom", custom.bytesPerCycle(), custom.picojoulesPerBit(),
                    (long) (custom.capacityGibibytes() * (1L << 30)));
        }
        String id = ((DramSpec.Preset) spec.dram()).id();
        MemoryPreset preset = registry.memory(id).orElseThrow(() -> BadInputException.field(null,
                "hardware.dram.preset", "'" + id + "'", "must be a registered memory preset (" + String.join(", ",
                        registry.ids(CatalogKind.MEMORIES)) + ")"));
        return new DramFigures(id, preset.sustainedBytesPerCycle(spec.clockHertz()), preset.picojoulesPerBit(),
                preset.capacityBytes());
    }
}
