package io.bitforge.verilog.pe;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Suggestions;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The families that have RTL, by registry id (sorted, so listings are deterministic). */
public final class PeRtlRegistry {
    private final Map<String, PeRtlProvider> providers;

    private PeRtlRegistry(Map<String, PeRtlProvider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** Every {@link PeRtlProvider} visible to this class's loader. */
    public static PeRtlRegistry load() {
        Map<String, PeRtlProvider> byId = new TreeMap<>();
        for (PeRtlProvider p : ServiceLoader.load(PeRtlProvider.class, PeRtlRegistry.class.getClassLoader())) {
            if (byId.put(p.familyId(), p) != null) {
                throw new IllegalStateException("two RTL providers for family " + p.familyId());
            }
        }
        return new PeRtlRegistry(byId);
    }

    public Optional<PeRtlProvider> find(String familyId) {
        return Optional.ofNullable(providers.get(familyId));
    }

    /** The provider of {@code familyId}, or bad input naming the families that have RTL. */
    public PeRtlProvider require(String option, String familyId) {
        return find(familyId).orElseThrow(() -> new BadInputException(option + " " + familyId
                + Suggestions.didYouMean(familyId, families()) + ": this PE family has no RTL yet; families with RTL: " + String.join(", ", families())));
    }

    /** Ids of the families with RTL, sorted. */
    public List<String> families() {
        return List.copyOf(providers.keySet());
    }
}
