package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bitforge simulate} on the diffusion workloads. */
class SimulateDiffusionTest {
    private static final String[] DIT = {"simulate", "--hw", "tpu-like-int8", "--workload", "dit-xl-2", "--steps",
            "10", "--resolution", "256"};

    private static JsonNode json(String... args) throws Exception {
        String[] withJson = Arrays.copyOf(args, args.length + 2);
        withJson[args.length] = "--json";
        withJson[args.length + 1] = "-";
        CliHarness.Result result = CliHarness.run(withJson);
        assertEquals(0, result.exitCode(), result.stderr());
        return Json.mapper().readTree(result.stdout());
    }

    private static JsonNode op(JsonNode phase, String name) {
        for (JsonNode op : phase.get("ops")) {
            if (op.get("name").asText().equals(name)) {
                return op;
            }
        }
        throw new AssertionError("no op " + name);
    }

    @Test
    void ditStepsOnTheTpuLikeArray() throws Exception {
        JsonNode root = json(DIT);
        assertEquals(2, root.at("/workload/denoiserBatch").asLong());
        assertEquals("all:int8/int8", root.at("/workload/quant/text").asText());
        JsonNode step = root.get("phases").get(0);
        assertEquals("denoise", step.get("name").asText());
        assertEquals(10, step.get("runs").asLong());
        // blocks.0.attn.qkv with guidance: M = 2 images × 256 tokens = 512, K = 1152, N = 3456 on the 32×32
        // output-stationary array: 16 row folds × 108 column folds of K + 32 + 32 − 2 = 1214 cycles.
        JsonNode qkv = op(step, "blocks.0.attn.qkv");
        assertEquals(512, qkv.get("m").asLong());
        assertEquals(16L * 108 * 1214, qkv.get("engineCycles").asLong());
        // No one-offs: the request is ten steps; one image.
        long stepCycles = step.get("cyclesPerRun").asLong();
        JsonNode summary = root.get("summary");
        assertEquals(stepCycles, summary.get("stepCycles").asLong());
        assertEquals(10 * stepCycles, summary.get("requestCycles").asLong());
        assertEquals(10 * stepCycles / 1e9, summary.get("requestSeconds").asDouble(), 1e-12);
        assertEquals(1e9 / (10.0 * stepCycles), summary.get("imagesPerSecond").asDouble(), 1e-9);
        double stepPicojoules = step.at("/energyPicojoulesPerRun/total").asDouble();
        assertEquals(10 * stepPicojoules * 1e-12, summary.get("joulesPerImage").asDouble(), 1e-9);
    }

    @Test
    void withoutGuidanceTheStepHalves() throws Exception {
        String[] noGuidance = Arrays.copyOf(DIT, DIT.length + 1);
        noGuidance[DIT.length] = "--no-guidance";
        JsonNode guided = json(DIT).get("phases").get(0);
        JsonNode plain = json(noGuidance).get("phases").get(0);
        assertEquals(guided.get("macsPerRun").asLong(), 2 * plain.get("macsPerRun").asLong());
        assertEquals(256, op(plain, "blocks.0.attn.qkv").get("m").asLong());
    }

    @Test
    void oneOffsRunOncePerRequest() throws Exception {
        JsonNode root = json("simulate", "--hw", "tpu-like-int8", "--workload", "sd-1.5", "--steps", "4",
                "--resolution", "256", "--text-encoder", "--vae-decoder", "--batch", "2");
        JsonNode phases = root.get("phases");
        assertEquals("text-encoder.clip-vit-l-14", phases.get(0).get("name").asText());
        assertEquals("vae-decoder", phases.get(2).get("name").asText());
        long oneOffs = phases.get(0).get("cyclesPerRun").asLong() + phases.get(2).get("cyclesPerRun").asLong();
        long step = phases.get(1).get("cyclesPerRun").asLong();
        JsonNode summary = root.get("summary");
        assertEquals(oneOffs, summary.get("oneOffCycles").asLong());
        assertEquals(oneOffs + 4 * step, summary.get("requestCycles").asLong());
        assertEquals(2, summary.get("images").asLong());
        assertEquals(summary.get("requestSeconds").asDouble() / 2, summary.get("secondsPerImage").asDouble(), 1e-12);
    }

    @Test
    void aDiffusersConfigFileSimulatesLikeTheZooEntry(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        try (InputStream in = io.bitforge.workloads.diffusion.DiffusionZoo.class
                .getResourceAsStream("dit-xl-2.json")) {
            Files.writeString(config, Json.write(Json.mapper().readTree(in).get("config")));
        }
        JsonNode fromFile = json("simulate", "--hw", "tpu-like-int8", "--model-config", config.toString(), "--steps",
                "10", "--resolution", "256");
        JsonNode zoo = json(DIT);
        assertEquals(zoo.get("summary"), fromFile.get("summary"));
        assertEquals(675_129_632L, fromFile.at("/workload/parameters").asLong());
    }

    @Test
    void outputIsDeterministic() {
        CliHarness.Result first = CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "pixart-alpha",
                "--steps", "2", "--resolution", "256", "--csv", "-");
        CliHarness.Result second = CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "pixart-alpha",
                "--steps", "2", "--resolution", "256", "--csv", "-");
        assertEquals(0, first.exitCode(), first.stderr());
        assertEquals(first.stdout(), second.stdout());
        assertTrue(first.stdout().startsWith("phase,runs,op,kind"), first.stdout());
    }

    @Test
    void textNamesTheFiguresAUserAsksFor() {
        CliHarness.Result result = CliHarness.run(DIT);
        assertEquals(0, result.exitCode(), result.stderr());
        for (String line : new String[] {"per step", "per request", "per image", "images/s", "request energy (",
                "costliest ops of one denoising step"}) {
            assertTrue(result.stdout().contains(line), line + " missing:\n" + result.stdout());
        }
    }

    @Test
    void badInputIsOneLineWithExitTwo() {
        assertBad(CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "sd-1.5", "--resolution", "500"),
                "--resolution", "64");
        assertBad(CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--steps", "3"),
                "--steps", "diffusion");
        assertBad(CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "dit-xl-2", "--quant", "W8A8"),
                "fp16", "all:W8A8");
        assertBad(CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "dit-xl-2", "--quant",
                "all:W8A8,ffn:W4A8", "--svdquant-rank", "16"), "lowrank", "SVDQuant");
        assertBad(CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "dit-xl-2", "--text-encoder"),
                "textEncoder", "no text encoder");
    }

    private static void assertBad(CliHarness.Result result, String... mentioned) {
        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        for (String part : mentioned) {
            assertTrue(result.stderr().contains(part), "'" + part + "' missing: " + result.stderr());
        }
    }
}
