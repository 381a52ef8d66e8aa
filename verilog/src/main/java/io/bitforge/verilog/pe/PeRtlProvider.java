package io.bitforge.verilog.pe;

import io.bitforge.core.spec.PeParams;

/**
 * Service-provider interface (found with {@link java.util.ServiceLoader}, see {@link PeRtlRegistry}): builds a
 * family's {@link PeRtl} from the family's own parameter record. One provider per family.
 */
public interface PeRtlProvider {
    /** The family's registry id, e.g. {@code bitfusion}. */
    String familyId();

    /**
     * The RTL for {@code params} (the family's record).
     *
     * @throws io.bitforge.core.io.BadInputException naming the parameter when this setting has no RTL
     */
    PeRtl create(PeParams params);
}
