package io.bitforge.core.spec;

import java.util.Map;

/**
 * A PE family's own parameter record (e.g. {@code {weightBits: 8, activationBits: 8}} for mac-int), parsed and
 * validated by the family from the spec's {@code pe.params}. Implement it with a record.
 */
public interface PeParams {
    /** The parameters as the spec spells them, in a stable order, for canonical JSON and reports. */
    Map<String, Object> asMap();
}
