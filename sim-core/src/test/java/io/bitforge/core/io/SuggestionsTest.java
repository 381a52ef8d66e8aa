package io.bitforge.core.io;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionsTest {
    @Test
    void levenshteinDistanceOfTheTextbookPairs() {
        // kitten -> sitting: k->s, e->i, insert g (the classic example, 3 edits).
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(0, Suggestions.distance("", ""));
        assertEquals(4, Suggestions.distance("", "abcd"));
        assertEquals(1, Suggestions.distance("run_presets", "run_preset"));
    }

    @Test
    void suggestsTheNearestNameOnlyWhenItIsATypo() {
        List<String> sections = List.of("general", "architecture_presets", "run_presets", "network_presets");
        assertEquals(Optional.of("run_presets"), Suggestions.closest("run_preset", sections));
        assertEquals(Optional.of("run_presets"), Suggestions.closest("Run_Presets", sections));
        assertEquals(Optional.empty(), Suggestions.closest("sparsity", sections));
        assertEquals(" (did you mean 'general'?)", Suggestions.didYouMean("generl", sections));
        assertEquals("", Suggestions.didYouMean("xyz", sections));
    }
}
