package io.bitforge.cli.browser;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A missing browser fails the browser tests under CI=true and skips them elsewhere; a present one runs them. */
class HeadlessChromiumGateTest {
    @Test
    void missingBrowserFailsUnderCiAndSkipsElsewhere() {
        assertEquals(HeadlessChromium.Gate.FAIL, HeadlessChromium.gate(false, "true"));
        assertEquals(HeadlessChromium.Gate.FAIL, HeadlessChromium.gate(false, "TRUE"));
        assertEquals(HeadlessChromium.Gate.SKIP, HeadlessChromium.gate(false, null));
        assertEquals(HeadlessChromium.Gate.SKIP, HeadlessChromium.gate(false, "false"));
        assertEquals(HeadlessChromium.Gate.RUN, HeadlessChromium.gate(true, "true"));
        assertEquals(HeadlessChromium.Gate.RUN, HeadlessChromium.gate(true, null));
    }
}
