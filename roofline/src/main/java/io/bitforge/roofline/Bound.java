package io.bitforge.roofline;

/** What limits an op: the compute roof, the memory roof, or (for a collective) the device link. */
public enum Bound {
    COMPUTE, MEMORY, LINK;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
