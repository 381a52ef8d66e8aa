package io.bitforge.verilog.hdl;

import io.bitforge.verilog.emit.VerilogEmitter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Caller names become legal Verilog and SystemVerilog identifiers. */
class NamesTest {

    @Test
    void sanitisesCharactersDigitsAndKeywords() {
        assertEquals("a_b_c", Names.sanitize("a.b-c"));
        assertEquals("n3d", Names.sanitize("3d"));
        assertEquals("wire_", Names.sanitize("wire"));     // Verilog-2005 keyword
        assertEquals("expect_", Names.sanitize("expect")); // SystemVerilog only: Verilator reads .v as SV
        assertEquals("logic_", Names.sanitize("logic"));
        assertEquals("acc_q", Names.sanitize("acc_q"));
        assertEquals("__x_", Names.sanitize("ß(x)")); // four characters, three not allowed
    }

    @Test
    void keywordNamedPortsAreEmittedSanitised() {
        ModuleBuilder m = ModuleBuilder.named("module");
        Port expect = m.in("expect", Shape.u(4));
        m.drive(m.out("logic", Shape.u(4)), expect);
        String v = VerilogEmitter.emitModule(m.build());
        assertTrue(v.contains("module module_ ("), v);
        assertTrue(v.contains("input  wire [3:0] expect_"), v);
        assertTrue(v.contains("assign logic_ = expect_;"), v);
    }
}
