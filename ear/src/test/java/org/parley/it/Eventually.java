package org.parley.it;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Waits, with a bound, for something another thread or process brings about (a message-driven
 * bean storing an event, a file appearing): the condition is checked every few milliseconds and the
 * wait ends the moment it holds, or fails at the deadline with what was last seen.
 */
final class Eventually {

    private Eventually() {}

    static <T> T await(Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) throws Exception {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        CompletableFuture<T> result = new CompletableFuture<>();
        Object[] last = new Object[1];
        poller.scheduleWithFixedDelay(
                () -> {
                    try {
                        T value = probe.get();
                        last[0] = value;
                        if (done.test(value)) {
                            result.complete(value);
                        }
                    } catch (RuntimeException e) {
                        last[0] = e;
                    }
                },
                0,
                50,
                TimeUnit.MILLISECONDS);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + timeout + "; last seen: " + last[0], e);
        } finally {
            poller.shutdownNow();
        }
    }
}
