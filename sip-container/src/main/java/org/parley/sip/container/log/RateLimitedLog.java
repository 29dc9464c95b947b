package org.parley.sip.container.log;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A log that writes at most one line per peer and cause per interval (a minute), so that what a
 * client, or a thousand vanishing together, makes happen over and over cannot flood the disk. The
 * next line written for that peer and cause says how many were left out meanwhile.
 *
 * <p>Bounded: beyond {@link #MAX_KEYS} peers and causes within one interval, further peers share
 * one key per cause ({@code "*"}).
 */
public final class RateLimitedLog {

    static final int MAX_KEYS = 10_000;

    private final Logger logger;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimitedLog(Logger logger) {
        this(logger, Duration.ofMinutes(1), System::nanoTime);
    }

    RateLimitedLog(Logger logger, Duration interval, LongSupplier clock) {
        this.logger = logger;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
    }

    /** Each interval's first line for that peer and cause is written, the rest counted. */
    public void log(Level level, String peer, String cause, Supplier<String> message) {
        log(level, peer, cause, null, message);
    }

    public void log(Level level, String peer, String cause, Throwable thrown, Supplier<String> message) {
        if (!logger.isLoggable(level)) {
            return;
        }
        long now = clock.getAsLong();
        if (windows.size() >= MAX_KEYS) {
            windows.values().removeIf(window -> now - window.start >= intervalNanos);
            if (windows.size() >= MAX_KEYS) {
                peer = "*";
            }
        }
        String key = peer + '\n' + cause;
        int[] leftOut = {-1};
        windows.compute(key, (k, window) -> {
            if (window == null || now - window.start >= intervalNanos) {
                leftOut[0] = window == null ? 0 : window.suppressed;
                return new Window(now);
            }
            window.suppressed++;
            return window;
        });
        if (leftOut[0] < 0) {
            return;
        }
        String text = message.get();
        if (leftOut[0] > 0) {
            text += " (" + leftOut[0] + " more like it from " + peer + " in the last "
                    + Duration.ofNanos(intervalNanos).toSeconds() + " s not logged)";
        }
        LogRecord record = new LogRecord(level, text);
        record.setLoggerName(logger.getName());
        record.setThrown(thrown);
        logger.log(record);
    }

    /** Guarded by the map's per-key lock. */
    private static final class Window {
        final long start;
        int suppressed;

        Window(long start) {
            this.start = start;
        }
    }
}
