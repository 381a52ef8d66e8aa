package io.bitforge.workloads.tensors;

import io.bitforge.core.io.BadInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NonFinitePolicyTest {
    private static final float[] VALUES = {1f, Float.NaN, -3f, 2f, Float.POSITIVE_INFINITY, -0.5f, Float.NEGATIVE_INFINITY, 4f};

    private static float[] read(NonFinitePolicy policy) {
        MatrixSource source = policy.applyTo(MatrixSource.of("w", 2, 4, VALUES.clone()));
        float[] into = new float[8];
        source.readRows(0, 2, into);
        return into;
    }

    @Test
    void errorNamesTheTensorAndTheFirstNonFiniteValue() {
        BadInputException e = assertThrows(BadInputException.class, () -> read(NonFinitePolicy.ERROR));
        assertEquals("tensor w: value NaN at row 0, column 1 (index 1): must be finite (non-finite policy 'error'; "
                + "'skip' or 'clamp' study it anyway)", e.getMessage());
    }

    @Test
    void skipReadsThemAsZeroAndClampAtTheRowsLargestMagnitude() {
        assertArrayEquals(new float[] {1f, 0f, -3f, 2f, 0f, -0.5f, 0f, 4f}, read(NonFinitePolicy.SKIP));
        // row 0: largest finite magnitude 3, NaN -> 0; row 1: largest 4, +Inf -> 4, -Inf -> -4
        assertArrayEquals(new float[] {1f, 0f, -3f, 2f, 4f, -0.5f, -4f, 4f}, read(NonFinitePolicy.CLAMP));
    }

    @Test
    void anUnknownPolicyIsBadInput() {
        assertEquals("--non-finite: must be error, skip or clamp, got 'drop'",
                assertThrows(BadInputException.class, () -> NonFinitePolicy.of("--non-finite", "drop")).getMessage());
    }
}
