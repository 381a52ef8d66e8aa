package io.bitforge.memory.scalesim;

/** SCALE-Sim's three dataflows, spelled as its {@code Dataflow} config key spells them. */
public enum ScaleSimDataflow {
    /** Output stationary. */
    OS,
    /** Weight stationary. */
    WS,
    /** Input stationary. */
    IS;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
