package io.bitforge.workloads.llm;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadLookupTest {
    private static final Registry REGISTRY = Registry.load();

    @Test
    void byNameOrByConfigFile(@TempDir Path dir) throws IOException {
        assertEquals("mistral-7b", WorkloadLookup.resolve(REGISTRY, "mistral-7b", null).id());
        Path file = Files.writeString(Files.createDirectories(dir.resolve("to")).resolve("config.json"), """
                {"model_type": "llama", "hidden_size": 8, "intermediate_size": 16, "num_hidden_layers": 1,
                 "num_attention_heads": 2, "vocab_size": 10}""");
        // No _name_or_path: named by model_type, never by the folder ("to").
        assertEquals("llama", WorkloadLookup.resolve(REGISTRY, null, file).id());
    }

    @Test
    void unknownOrAmbiguousIsBadInput() {
        BadInputException unknown = assertThrows(BadInputException.class,
                () -> WorkloadLookup.resolve(REGISTRY, "llama-9", null));
        assertTrue(unknown.getMessage().contains("'llama-9'") && unknown.getMessage().contains("llama-2-7b"),
                unknown.getMessage());
        assertThrows(BadInputException.class, () -> WorkloadLookup.resolve(REGISTRY, null, null));
        assertThrows(BadInputException.class, () -> WorkloadLookup.resolve(REGISTRY, "x", Path.of("y")));
    }
}
