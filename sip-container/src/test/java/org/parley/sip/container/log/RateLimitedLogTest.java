package org.parley.sip.container.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** At most one line per peer and cause a minute, from Parley's own code and from the SIP stack. */
class RateLimitedLogTest {

    private final List<LogRecord> written = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            written.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final AtomicLong now = new AtomicLong();
    private Logger logger;

    @BeforeEach
    void capture() {
        logger = Logger.getLogger("rate-limited-test-" + System.nanoTime());
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @AfterEach
    void release() {
        logger.removeHandler(handler);
    }

    @Test
    void onceAMinutePerPeerAndCauseWithTheCountOfWhatWasLeftOut() {
        RateLimitedLog log = new RateLimitedLog(logger, Duration.ofMinutes(1), now::get);
        for (int i = 0; i < 1000; i++) {
            log.log(Level.INFO, "10.0.0.1", "481", () -> "481 to INFO");
            log.log(Level.INFO, "10.0.0.2", "481", () -> "481 to INFO");
            log.log(Level.INFO, "10.0.0.1", "CSeq", () -> "500 to INFO");
        }
        assertThat(written).hasSize(3);

        now.addAndGet(Duration.ofSeconds(59).toNanos());
        log.log(Level.INFO, "10.0.0.1", "481", () -> "481 to INFO");
        assertThat(written).hasSize(3);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        log.log(Level.INFO, "10.0.0.1", "481", () -> "481 to INFO");
        assertThat(written).hasSize(4);
        assertThat(written.get(3).getMessage()).startsWith("481 to INFO").contains("1000 more like it from 10.0.0.1");
    }

    @Test
    void manyPeersShareOneLineOnceTheBoundIsReached() {
        RateLimitedLog log = new RateLimitedLog(logger, Duration.ofMinutes(1), now::get);
        for (int i = 0; i < RateLimitedLog.MAX_KEYS * 3; i++) {
            log.log(Level.INFO, "peer" + i, "closed", () -> "closed");
        }
        assertThat(written).hasSize(RateLimitedLog.MAX_KEYS + 1);
    }

    @Test
    void theStacksErrorsPerMessageAreLimitedToOneLineACauseAMinute() {
        Logger stack = Logger.getLogger(JulStackLogger.LOGGER_NAME);
        stack.addHandler(handler);
        try {
            JulStackLogger logger = new JulStackLogger();
            for (int port = 40000; port < 41000; port++) {
                logger.logError(
                        "Problem connecting to 127.0.0.1:" + port + " for message INFO sip:user" + port
                                + "@contoso.com",
                        new IOException("Broken pipe"));
                logger.logWarning("Could not connect to 10.1.2.3:" + port);
            }
            assertThat(written).hasSize(2);
            assertThat(written.get(0).getThrown()).isInstanceOf(IOException.class);
        } finally {
            stack.removeHandler(handler);
        }
    }
}
