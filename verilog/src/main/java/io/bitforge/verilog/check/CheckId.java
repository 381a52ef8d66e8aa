package io.bitforge.verilog.check;

/** The named design checks run before a module is simulated or emitted. */
public enum CheckId {
    /** An output port that nothing drives. */
    UNDRIVEN_OUTPUT("undriven-output"),
    /** A wire that nothing drives. */
    UNDRIVEN_WIRE("undriven-wire"),
    /** A net with two unconditional drivers, or an input port driven inside its module. */
    MULTIPLE_DRIVERS("multiple-drivers"),
    /** A cycle of combinational dependencies (reported as the loop of names). */
    COMB_LOOP("comb-loop"),
    /** A wire or output driven in some branches of a conditional block and not others, with no default. */
    LATCH("latch"),
    /** An assignment, connection or memory port whose value shape differs from the target's. */
    SHAPE_MISMATCH("shape-mismatch"),
    /** Two different objects whose names are equal after sanitising for Verilog. */
    NAME_CLASH("name-clash"),
    /** An instance input left unconnected. */
    UNCONNECTED_INPUT("unconnected-input"),
    /** A net of another module used in this one. */
    FOREIGN_NET("foreign-net");

    private final String id;

    CheckId(String id) {
        this.id = id;
    }

    /** The stable id used in messages and reports. */
    public String id() {
        return id;
    }
}
