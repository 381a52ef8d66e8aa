package io.bitforge.core.io;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for misspelt names (keys, sections, presets, flags): the candidate with the smallest
 * Levenshtein distance, compared case-insensitively, when that distance is small enough to be a typo
 * (at most a third of the word's length, and at least 1, at most 3 edits). Ties go to the candidate listed first,
 * so suggestions are deterministic for an ordered candidate list.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /** The closest candidate within typo distance of {@code word}, if any. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String folded = word.toLowerCase(Locale.ROOT);
        int limit = Math.min(3, Math.max(1, folded.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(folded, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"} or the empty string, to append to a message. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
