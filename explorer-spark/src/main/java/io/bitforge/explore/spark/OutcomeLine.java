package io.bitforge.explore.spark;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bitforge.core.io.Json;
import io.bitforge.explore.DesignOutcome;
import io.bitforge.explore.StoredDesign;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A design's outcome on its way from an executor to the driver: the stored line ({@code results.jsonl}'s JSON of
 * the design) or the rejection. The driver reads the line back with the store's own parser, as a resumed run does.
 */
record OutcomeLine(String designJson, String rejection) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    static OutcomeLine of(DesignOutcome outcome) {
        if (outcome.rejection() != null) {
            return new OutcomeLine(null, outcome.rejection());
        }
        if (outcome.design() == null) {
            throw new IllegalStateException("an executor skips no stored design: the driver screens them");
        }
        try {
            return new OutcomeLine(LINE.writeValueAsString(outcome.design().asMap()), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    DesignOutcome outcome(int[] choice) {
        if (rejection != null) {
            return new DesignOutcome(choice, null, null, rejection);
        }
        try {
            return new DesignOutcome(choice, StoredDesign.fromMap(Json.mapper().readValue(designJson, Map.class)),
                    null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("an executor's design line does not parse", e);
        }
    }
}
