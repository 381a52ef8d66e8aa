package io.bitforge.explore;

import java.util.List;
import java.util.Map;

/**
 * What a run did: designs considered, newly evaluated and stored, found already stored (resume), duplicates,
 * rejected (invalid combinations of values, with the first few reasons), and over the whole store the number of
 * designs, the feasible ones and the Pareto front.
 */
public record ExploreSummary(long considered, long evaluated, long alreadyStored, long duplicates, long rejected,
                             List<String> firstRejections, int stored, int feasible, List<StoredDesign> pareto,
                             Map<String, Object> asMap) {
}
