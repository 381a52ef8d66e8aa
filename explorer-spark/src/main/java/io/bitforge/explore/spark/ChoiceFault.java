package io.bitforge.explore.spark;

import java.io.Serializable;

/**
 * A fault injected into executors' tasks before a choice is scored, so tests can kill a job part-way as a lost
 * executor or a cancelled job would. {@link #NONE} in every real run.
 */
@FunctionalInterface
interface ChoiceFault extends Serializable {
    ChoiceFault NONE = choice -> { };

    void before(int[] choice);
}
