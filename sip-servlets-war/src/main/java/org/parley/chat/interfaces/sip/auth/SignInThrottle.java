package org.parley.chat.interfaces.sip.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed sign-ins per user and per source address; once either reaches its limit within the
 * window, further attempts for that user or from that address are refused without being checked
 * until the lock-out ends. A successful sign-in clears the user's count (not the address's, so one
 * good password does not reset a guessing run from that address over other names).
 */
public final class SignInThrottle {

    /** At most this many keys are remembered; beyond it, the entries with nothing left to remember go. */
    static final int MAX_TRACKED = 100_000;

    public record Limits(int perUser, int perAddress, Duration window, Duration lockout) {}

    /** Why an attempt is refused unchecked, and until when (nanoTime). */
    public record Lock(String what, long untilNanos) {}

    private static final class Count {
        long windowStart;
        int failures;
        long lockedUntil;
        boolean locked;
    }

    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public SignInThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The lock that refuses an attempt from this address (and, if known, for this user), if any. */
    public Optional<Lock> locked(String user, String address) {
        long now = nanoTime.getAsLong();
        Optional<Lock> byAddress = lockOf("address " + address, now);
        if (byAddress.isPresent() || user == null) {
            return byAddress;
        }
        return lockOf("user " + user, now);
    }

    /**
     * Counts a failure.
     *
     * @param user null when the attempt named no user (malformed input)
     * @return the lock this failure started, if it started one
     */
    public Optional<Lock> failed(String user, String address, Limits limits) {
        long now = nanoTime.getAsLong();
        Optional<Lock> started = count("address " + address, limits.perAddress(), limits, now);
        if (user != null) {
            Optional<Lock> userLock = count("user " + user, limits.perUser(), limits, now);
            if (started.isEmpty()) {
                started = userLock;
            }
        }
        return started;
    }

    public void succeeded(String user) {
        counts.remove("user " + user);
    }

    /** Users and addresses locked out now. */
    public record LockedOut(int users, int addresses) {}

    /** Who is locked out now: one pass over what is tracked (at most {@code MAX_TRACKED}), for monitoring. */
    public LockedOut lockedOut() {
        long now = nanoTime.getAsLong();
        int users = 0;
        int addresses = 0;
        for (Map.Entry<String, Count> entry : counts.entrySet()) {
            Count count = entry.getValue();
            boolean locked;
            synchronized (count) {
                locked = count.locked && count.lockedUntil - now > 0;
            }
            if (locked && entry.getKey().startsWith("user ")) {
                users++;
            } else if (locked) {
                addresses++;
            }
        }
        return new LockedOut(users, addresses);
    }

    int tracked() {
        return counts.size();
    }

    private Optional<Lock> lockOf(String key, long now) {
        Count count = counts.get(key);
        if (count == null) {
            return Optional.empty();
        }
        synchronized (count) {
            return count.locked && count.lockedUntil - now > 0
                    ? Optional.of(new Lock(key, count.lockedUntil))
                    : Optional.empty();
        }
    }

    private Optional<Lock> count(String key, int limit, Limits limits, long now) {
        if (counts.size() >= MAX_TRACKED) {
            forgetIdle(limits, now);
        }
        Count count = counts.computeIfAbsent(key, k -> new Count());
        synchronized (count) {
            if (count.locked && count.lockedUntil - now > 0) {
                return Optional.empty();
            }
            if (count.locked
                    || count.failures == 0
                    || now - count.windowStart > limits.window().toNanos()) {
                count.locked = false;
                count.failures = 0;
                count.windowStart = now;
            }
            count.failures++;
            if (count.failures >= limit) {
                count.locked = true;
                count.lockedUntil = now + limits.lockout().toNanos();
                return Optional.of(new Lock(key, count.lockedUntil));
            }
            return Optional.empty();
        }
    }

    private void forgetIdle(Limits limits, long now) {
        counts.entrySet().removeIf(entry -> {
            Count count = entry.getValue();
            synchronized (count) {
                return count.locked
                        ? count.lockedUntil - now <= 0
                        : now - count.windowStart > limits.window().toNanos();
            }
        });
    }
}
