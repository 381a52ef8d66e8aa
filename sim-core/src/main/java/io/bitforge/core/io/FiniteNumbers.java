package io.bitforge.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;

/**
 * Refuses NaN and ±Infinity in JSON output. Jackson would write them as bare tokens that no JSON reader accepts
 * (or as strings, silently); a non-finite result is a bug or an unvalidated input, and the error's reference chain
 * names the field.
 */
final class FiniteNumbers {
    private FiniteNumbers() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("bitforge-finite-numbers");
        module.addSerializer(Double.class, new Doubles(Double.class));
        module.addSerializer(double.class, new Doubles(double.class));
        module.addSerializer(Float.class, new Floats(Float.class));
        module.addSerializer(float.class, new Floats(float.class));
        return module;
    }

    private static void refuse(JsonGenerator generator, double value) throws JsonMappingException {
        throw JsonMappingException.from(generator, "a result is not a finite number (" + value
                + "); JSON has no NaN or Infinity");
    }

    private static final class Doubles extends StdScalarSerializer<Double> {
        private static final long serialVersionUID = 1L;

        Doubles(Class<Double> type) {
            super(type);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (!Double.isFinite(value)) {
                refuse(generator, value);
            }
            generator.writeNumber(value);
        }
    }

    private static final class Floats extends StdScalarSerializer<Float> {
        private static final long serialVersionUID = 1L;

        Floats(Class<Float> type) {
            super(type);
        }

        @Override
        public void serialize(Float value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (!Float.isFinite(value)) {
                refuse(generator, value);
            }
            generator.writeNumber(value);
        }
    }
}
