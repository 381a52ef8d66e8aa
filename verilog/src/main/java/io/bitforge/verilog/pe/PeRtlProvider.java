package io.bitforge.verilog.pe;

import io.bitforge.core.spec.PeParams;

import java.util.Optional;

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

    /**
     * When {@code params} have no RTL but a setting with the same timing does (e.g. integer activations in place of
     * FP16 ones whose alignment is not built yet), that setting and a note saying what was substituted; empty by
     * default.
     */
    default Optional<StandIn> standIn(PeParams params) {
        return Optional.empty();
    }

    /**
     * Further settings of {@code params} whose RTL differs in a way the ladder should also check (e.g. MixPE's group
     * dequantisers at the array edge, {@code +edge}): each a name suffix and the parameters; none by default.
     */
    default java.util.List<Variant> variants(PeParams params) {
        return java.util.List.of();
    }

    /** A further setting: {@code suffix} is appended to the spec's name (e.g. {@code +edge}). */
    record Variant(String suffix, PeParams params) {
    }

    /** Parameters that have RTL, standing in for ones that have none, and what changed. */
    record StandIn(PeParams params, String note) {
    }
}
