package io.bitforge.explore;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs {@code work} on a pool of threads and hands the results to {@code inOrder} on the calling thread in the
 * order of the inputs (a reorder buffer of futures): what is written never depends on which thread finished
 * first, so output is byte-identical for any thread count. At most {@code window} inputs are in flight.
 */
final class OrderedEvaluation {
    private OrderedEvaluation() {
    }

    static <T, R> void run(Iterator<T> inputs, Function<T, R> work, ExecutorService pool, int window,
                           Consumer<R> inOrder) {
        ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
        try {
            while (inputs.hasNext() || !inFlight.isEmpty()) {
                while (inputs.hasNext() && inFlight.size() < window) {
                    T input = inputs.next();
                    inFlight.add(pool.submit(() -> work.apply(input)));
                }
                inOrder.accept(inFlight.removeFirst().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            inFlight.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
