package io.bitforge.verilog.board;

import io.bitforge.verilog.fpga.FpgaPart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The boards a BitForge top level runs on, each with its iCE40 part and package and its
 * pin constraint file (shipped as a resource; each file names its source). Both have a 12 MHz oscillator and an
 * FTDI FT2232H whose channel B is a UART to the FPGA, and both are programmed with {@code iceprog}.
 */
public enum Board {
    /** iCEBreaker: iCE40 UP5K, SG48 package ({@link FpgaPart#UP5K}). */
    ICEBREAKER("icebreaker", FpgaPart.UP5K, "icebreaker.pcf",
            List.of(new Led("ledg_n", true, BoardLeds.DONE), new Led("ledr_n", true,
                    BoardLeds.ERROR | BoardLeds.RECEIVING | BoardLeds.SENDING))),
    /** Lattice iCE40-HX8K breakout board: HX8K, CT256 package ({@link FpgaPart#HX8K}). */
    HX8K_BREAKOUT("hx8k-breakout", FpgaPart.HX8K, "hx8k-breakout.pcf", List.of(
            new Led("led_d2", false, BoardLeds.HEARTBEAT), new Led("led_d3", false, BoardLeds.RECEIVING),
            new Led("led_d4", false, BoardLeds.SENDING), new Led("led_d5", false, BoardLeds.LOADING),
            new Led("led_d6", false, BoardLeds.RUNNING), new Led("led_d7", false, BoardLeds.DONE),
            new Led("led_d8", false, BoardLeds.ERROR), new Led("led_d9", false, BoardLeds.READING)));

    /** One LED pin: lit when any of the core's status bits in {@code statusMask} is set. */
    public record Led(String port, boolean activeLow, int statusMask) {
    }

    private final String id;
    private final FpgaPart part;
    private final String pcfResource;
    private final List<Led> leds;

    Board(String id, FpgaPart part, String pcfResource, List<Led> leds) {
        this.id = id;
        this.part = part;
        this.pcfResource = pcfResource;
        this.leds = List.copyOf(leds);
    }

    public String id() {
        return id;
    }

    /** The board's iCE40 part and package (its resources and oscillator pin). */
    public FpgaPart part() {
        return part;
    }

    /** nextpnr-ice40's and icetime's device name, e.g. {@code up5k}. */
    public String device() {
        return part.device();
    }

    public String pkg() {
        return part.pkg();
    }

    public List<Led> leds() {
        return leds;
    }

    /** The pin constraint file's name and text. */
    public String pcfName() {
        return pcfResource;
    }

    public String pcf() {
        try (InputStream in = Board.class.getResourceAsStream(pcfResource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + pcfResource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<Board> of(String id) {
        return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Board::id).toList();
    }
}
