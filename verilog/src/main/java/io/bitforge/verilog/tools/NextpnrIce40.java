package io.bitforge.verilog.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** nextpnr-ice40 place and route with a fixed seed; results from its {@code --report} JSON. */
public final class NextpnrIce40 {
    private NextpnrIce40() {
    }

    /**
     * Places and routes {@code jsonNetlist} on {@code device} (e.g. "up5k") in {@code pkg} (e.g. "sg48"),
     * writing {@code asc}; only pins in {@code pcf} are fixed.
     */
    public static PnrReport placeAndRoute(Path dir, String jsonNetlist, String device, String pkg, String pcf,
                                          String asc, double freqMhz, int seed, Duration timeout) {
        return placeAndRoute(dir, jsonNetlist, device, pkg, pcf, asc, freqMhz, seed, timeout, true);
    }

    /**
     * The same; with {@code allowUnconstrained} false every top-level port must have a pin in {@code pcf} (a board
     * build), else nextpnr stops with an error naming the port.
     */
    public static PnrReport placeAndRoute(Path dir, String jsonNetlist, String device, String pkg, String pcf,
                                          String asc, double freqMhz, int seed, Duration timeout,
                                          boolean allowUnconstrained) {
        List<String> cmd = new ArrayList<>(List.of("nextpnr-ice40", "--" + device, "--package", pkg, "--json",
                jsonNetlist, "--pcf", pcf, "--asc", asc, "--freq", Double.toString(freqMhz),
                "--seed", Integer.toString(seed), "--report", "pnr_report.json", "--log", "nextpnr.log"));
        if (allowUnconstrained) {
            cmd.add("--pcf-allow-unconstrained");
        }
        ToolResult r = ToolRunner.run(dir, timeout, cmd).orThrow();
        if (!Files.isRegularFile(dir.resolve("pnr_report.json")) || !Files.isRegularFile(dir.resolve(asc))) {
            throw r.failure("exited with 0 but wrote no pnr_report.json or " + asc);
        }
        return parseReport(dir.resolve("pnr_report.json"));
    }

    static PnrReport parseReport(Path report) {
        try {
            JsonNode root = Json.mapper().readTree(Files.readString(report));
            Map<String, Double> fmax = new TreeMap<>();
            Map<String, Double> constraint = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("fmax").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fmax.put(e.getKey(), e.getValue().path("achieved").asDouble());
                constraint.put(e.getKey(), e.getValue().path("constraint").asDouble());
            }
            Map<String, Integer> used = new TreeMap<>();
            Map<String, Integer> available = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("utilization").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                used.put(e.getKey(), e.getValue().path("used").asInt());
                available.put(e.getKey(), e.getValue().path("available").asInt());
            }
            // a design whose every path starts or ends at a pin or a block RAM (e.g. a bare RAM) has no
            // register-to-register path, so nextpnr reports "no interior paths" and an empty fmax section
            if (used.isEmpty()) {
                throw new ToolException(report + ": no utilization section");
            }
            return new PnrReport(new TreeMap<>(fmax), new TreeMap<>(constraint), new TreeMap<>(used), new TreeMap<>(available));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
