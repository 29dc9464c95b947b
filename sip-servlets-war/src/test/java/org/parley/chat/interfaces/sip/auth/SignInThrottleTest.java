package org.parley.chat.interfaces.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final SignInThrottle throttle = new SignInThrottle(now::get);
    private final SignInThrottle.Limits limits =
            new SignInThrottle.Limits(3, 5, Duration.ofSeconds(60), Duration.ofSeconds(30));

    @Test
    void theFailureThatReachesTheUserLimitLocksThatUserOutForTheLockOutTime() {
        assertThat(throttle.failed("carol", "10.0.0.1", limits)).isEmpty();
        assertThat(throttle.failed("carol", "10.0.0.2", limits)).isEmpty();
        assertThat(throttle.locked("carol", "10.0.0.3")).isEmpty();

        assertThat(throttle.failed("carol", "10.0.0.3", limits))
                .hasValueSatisfying(l -> assertThat(l.what()).isEqualTo("user carol"));

        assertThat(throttle.locked("carol", "10.0.0.9")).isPresent();
        assertThat(throttle.locked("alice", "10.0.0.9"))
                .as("other users are not affected")
                .isEmpty();
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(throttle.locked("carol", "10.0.0.9")).isPresent();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(throttle.locked("carol", "10.0.0.9")).isEmpty();
        assertThat(throttle.failed("carol", "10.0.0.9", limits))
                .as("counting starts again")
                .isEmpty();
    }

    @Test
    void anAddressGuessingManyNamesIsLockedOutForEveryName() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("user" + i, "192.0.2.1", limits)).isEmpty();
        }
        assertThat(throttle.failed(null, "192.0.2.1", limits))
                .hasValueSatisfying(l -> assertThat(l.what()).isEqualTo("address 192.0.2.1"));
        assertThat(throttle.locked("alice", "192.0.2.1")).isPresent();
        assertThat(throttle.locked(null, "192.0.2.1")).isPresent();
        assertThat(throttle.locked("alice", "192.0.2.2")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUpAndSuccessClearsTheUser() {
        throttle.failed("bob", "10.0.0.1", limits);
        throttle.failed("bob", "10.0.0.1", limits);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(throttle.failed("bob", "10.0.0.1", limits)).isEmpty();
        throttle.failed("bob", "10.0.0.1", limits);
        throttle.succeeded("bob");
        assertThat(throttle.failed("bob", "10.0.0.1", limits)).isEmpty();
        assertThat(throttle.failed("bob", "10.0.0.1", limits)).isEmpty();
        assertThat(throttle.locked("bob", "10.0.0.2")).isEmpty();
    }

    @Test
    void theLockedOutAreCountedByKindUntilTheirLockOutEnds() {
        assertThat(throttle.lockedOut()).isEqualTo(new SignInThrottle.LockedOut(0, 0));
        for (int i = 0; i < 3; i++) {
            throttle.failed("carol", "10.0.0." + i, limits);
        }
        for (int i = 0; i < 5; i++) {
            throttle.failed(null, "192.0.2.1", limits);
        }
        assertThat(throttle.lockedOut()).isEqualTo(new SignInThrottle.LockedOut(1, 1));
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(throttle.lockedOut()).as("lock-outs end on their own").isEqualTo(new SignInThrottle.LockedOut(0, 0));
    }
}
