package io.bitforge.memory.scalesim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PythonFloatsTest {
    @Test
    void matchesPythonRepr() {
        // Expected strings are what CPython prints for repr(x).
        assertEquals("33.0", PythonFloats.repr(33));
        assertEquals("-3243.0", PythonFloats.repr(-3243));
        assertEquals("0.1", PythonFloats.repr(0.1));
        assertEquals("0.30000000000000004", PythonFloats.repr(0.1 + 0.2));
        assertEquals("94.53125", PythonFloats.repr(94.53125));
        assertEquals("0.0001", PythonFloats.repr(1e-4));
        assertEquals("1e-05", PythonFloats.repr(1e-5));
        assertEquals("1234567890123456.0", PythonFloats.repr(1234567890123456.0));
        assertEquals("1e+16", PythonFloats.repr(1e16));
        assertEquals("1.5e+16", PythonFloats.repr(1.5e16));
        assertEquals("2.5e-07", PythonFloats.repr(2.5e-7));
        assertEquals("0.0", PythonFloats.repr(0.0));
        assertEquals("-0.0", PythonFloats.repr(-0.0));
        assertEquals("5e-324", PythonFloats.repr(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", PythonFloats.repr(Double.MAX_VALUE));
        assertEquals("100.0", PythonFloats.repr(100));
    }
}
