package io.bitforge.explore;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How designs are chosen from a space. */
public enum Strategy {
    /** Every design in canonical order; a seeded sample of {@code budget} designs (in canonical order) if larger. */
    GRID("grid"),
    /** {@code budget} distinct designs drawn uniformly with a seeded generator, in draw order. */
    RANDOM("random"),
    /** NSGA-II (Deb et al., IEEE TEVC 2002) with jMetal's operators, about {@code budget} evaluations. */
    NSGA2("nsga2");

    private final String id;

    Strategy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Strategy> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Strategy::id).toList();
    }
}
