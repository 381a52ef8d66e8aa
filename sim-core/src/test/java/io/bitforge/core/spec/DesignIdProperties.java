package io.bitforge.core.spec;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.bitforge.core.tech.TechNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Design ids are a contract (results directories resume across versions): the direct canonical writer must give
 * the bytes of the published rule (DESIGN.md: SHA-256 of the spec JSON with sorted keys), checked against Jackson's
 * sorted-key serialiser as an independent implementation, and two ids pinned from canonical JSON written by hand
 * and hashed with {@code sha256sum}.
 */
class DesignIdProperties {
    private static final JsonMapper JACKSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private static HardwareSpec spec(String name, double clock, int rows, int cols, Dataflow dataflow, DramSpec dram,
                                     int weightBits) {
        BufferSpec buffer = new BufferSpec(64, 1, 1, 8);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("weightBits", weightBits);
        params.put("activationBits", 8);
        return new HardwareSpec(name, TechNode.N28, clock, new PeSpec("mac-int", () -> params),
                new ArraySpec(rows, cols), dataflow, new BufferSpecs(buffer, buffer, buffer), new VectorUnitSpec(32, 16),
                dram, MappingSpec.NONE);
    }

    @Example
    void idsPinnedFromHandWrittenCanonicalJson() {
        // printf '%s' '{"array":{"cols":16,"rows":16},"buffers":{...},"clockMegahertz":1000.0,...}' | sha256sum
        assertEquals("66ab03c80147a1d0", spec("id-pin", 1000, 16, 16, Dataflow.OS, new DramSpec.Preset("hbm2e"), 8)
                .designId());
        // a custom DRAM with small doubles (Double.toString's 1.0E-4 form) and a name outside ASCII (UTF-8 bytes)
        assertEquals("dc65d2340f30b323", spec("Ünïcode naïve ✓", 1e-4, 4, 8, Dataflow.WS,
                new DramSpec.Custom(25.6, 1e-4, 0.001, 16), 4).designId());
    }

    @Example
    void tileAndCycleModelPinsAreHashedToo() throws Exception {
        HardwareSpec base = spec("pins", 1000, 16, 16, Dataflow.OS, new DramSpec.Preset("hbm2e"), 8);
        HardwareSpec pinned = base.withMapping(new MappingSpec(OptionalInt.of(64), OptionalInt.empty(),
                OptionalInt.of(32), "mkn", CycleModel.FOLDS));
        assertEquals(jacksonId(pinned.asMap()), pinned.designId());
        assertTrue(!pinned.designId().equals(base.designId()));
    }

    @Property(tries = 150)
    void directBytesEqualJacksonsWheneverTheWriterAccepts(@ForAll("specMaps") Map<String, Object> spec) throws Exception {
        byte[] jackson = JACKSON.writeValueAsBytes(spec);
        Optional<byte[]> direct = CanonicalSpecJson.bytes(spec);
        direct.ifPresent(bytes -> assertArrayEquals(jackson, bytes,
                () -> new String(jackson, StandardCharsets.UTF_8) + " vs " + new String(bytes, StandardCharsets.UTF_8)));
    }

    @Property(tries = 100)
    void plainSpecsAreNeverDeclined(@ForAll("plainMaps") Map<String, Object> spec) {
        assertTrue(CanonicalSpecJson.bytes(spec).isPresent());
    }

    private static String jacksonId(Map<String, Object> spec) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(JACKSON.writeValueAsBytes(spec));
        return java.util.HexFormat.of().formatHex(digest, 0, 8);
    }

    @Provide
    Arbitrary<Map<String, Object>> specMaps() {
        return maps(Arbitraries.strings().all().ofMaxLength(12), anyDouble());
    }

    @Provide
    Arbitrary<Map<String, Object>> plainMaps() {
        return maps(Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u2fff')
                .excludeChars('"', '\\').ofMaxLength(12), anyDouble().filter(Double::isFinite));
    }

    private static Arbitrary<Double> anyDouble() {
        return Arbitraries.oneOf(Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(4),
                Arbitraries.of(0.0, -0.0, 1e-3, 1e-4, 1e7, 1e21, 64.0, Double.NaN, Double.POSITIVE_INFINITY));
    }

    private static Arbitrary<Map<String, Object>> maps(Arbitrary<String> strings, Arbitrary<Double> doubles) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(strings.map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.longs().map(l -> (Object) l),
                doubles.map(d -> (Object) d), Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Object> list = scalar.list().ofMaxSize(3).map(l -> (Object) List.copyOf(l));
        Arbitrary<Object> inner = Arbitraries.maps(strings, Arbitraries.oneOf(scalar, list)).ofMaxSize(4)
                .map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.maps(strings, Arbitraries.oneOf(scalar, list, inner)).ofMaxSize(8)
                .map(LinkedHashMap::new);
    }
}
