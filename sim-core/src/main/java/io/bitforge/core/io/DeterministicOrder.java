package io.bitforge.core.io;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.databind.util.StdConverter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Serialises maps and sets whose iteration order is not fixed (Map.of, Set.of, HashMap, HashSet) with their
 * entries sorted by the text of the key, and leaves ordered ones (LinkedHashMap, LinkedHashSet, sorted and enum maps)
 * in their own order, so that a result keeps its readable field order and is still byte-identical across runs.
 */
final class DeterministicOrder {
    private static final Comparator<Object> BY_TEXT = Comparator.comparing(String::valueOf);

    private DeterministicOrder() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("bitforge-deterministic-order");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifyMapSerializer(SerializationConfig config, MapType type,
                                                         BeanDescription description, JsonSerializer<?> serializer) {
                return new StdDelegatingSerializer(new SortedMapConverter(), type, serializer);
            }

            @Override
            public JsonSerializer<?> modifyCollectionSerializer(SerializationConfig config, CollectionType type,
                                                                BeanDescription description,
                                                                JsonSerializer<?> serializer) {
                if (!Set.class.isAssignableFrom(type.getRawClass())) {
                    return serializer;
                }
                return new StdDelegatingSerializer(new SortedSetConverter(), type, serializer);
            }
        });
        return module;
    }

    private static final class SortedMapConverter extends StdConverter<Object, Object> {
        @Override
        public Object convert(Object value) {
            Map<?, ?> map = (Map<?, ?>) value;
            if (map instanceof LinkedHashMap || map instanceof SortedMap || map instanceof EnumMap || map.size() < 2) {
                return map;
            }
            Map<Object, Object> sorted = new TreeMap<>(BY_TEXT);
            sorted.putAll(map);
            return sorted;
        }
    }

    private static final class SortedSetConverter extends StdConverter<Object, Object> {
        @Override
        public Object convert(Object value) {
            Set<?> set = (Set<?>) value;
            if (set instanceof LinkedHashSet || set instanceof SortedSet || set.size() < 2) {
                return set;
            }
            List<Object> sorted = new ArrayList<>(set);
            sorted.sort(BY_TEXT);
            return new LinkedHashSet<>(sorted);
        }
    }
}
