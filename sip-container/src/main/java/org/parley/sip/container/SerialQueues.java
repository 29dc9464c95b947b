package org.parley.sip.container;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One serial queue per key (the Call-ID) drained on a shared {@link Executor}: the work of one dialog
 * runs one task at a time in submission order, different dialogs run in parallel, and no queue holds a
 * thread while it is empty. Counted submissions are bounded over all queues, which is how the
 * connector sheds load.
 */
final class SerialQueues {

    /** A unit of work; {@link #reject()} is called instead of {@link #run()} when the executor refuses it. */
    interface Task extends Runnable {
        void reject();
    }

    private static final Logger LOG = Logger.getLogger(SerialQueues.class.getName());
    /** Tasks one queue runs before it lets other queues have the thread. */
    private static final int BATCH = 32;

    private final Executor executor;
    private final int limit;
    private final AtomicInteger counted = new AtomicInteger();
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    SerialQueues(Executor executor, int limit) {
        this.executor = executor;
        this.limit = limit;
    }

    /** Queues a task that counts against the bound; false, and nothing queued, when the bound is reached. */
    boolean submit(String key, Task task) {
        if (counted.incrementAndGet() > limit) {
            counted.decrementAndGet();
            return false;
        }
        enqueue(key, new Entry(task, true));
        return true;
    }

    /** Queues a task that must not be shed (ACK, CANCEL, responses, notifications). */
    void submitExempt(String key, Task task) {
        enqueue(key, new Entry(task, false));
    }

    /** Counted tasks queued or running. */
    int size() {
        return counted.get();
    }

    private void enqueue(String key, Entry entry) {
        boolean[] start = new boolean[1];
        lanes.compute(key, (k, lane) -> {
            Lane target = lane == null ? new Lane() : lane;
            target.tasks.add(entry);
            if (!target.scheduled) {
                target.scheduled = true;
                start[0] = true;
            }
            return target;
        });
        if (start[0]) {
            schedule(key);
        }
    }

    private void schedule(String key) {
        try {
            executor.execute(() -> drain(key));
        } catch (RejectedExecutionException e) {
            Lane lane = lanes.remove(key);
            if (lane != null) {
                LOG.warning(() -> "executor refused work (" + e.getMessage() + "); rejecting " + lane.tasks.size()
                        + " task(s) of " + key);
                lane.tasks.forEach(this::reject);
            }
        }
    }

    private void drain(String key) {
        for (int i = 0; i < BATCH; i++) {
            Entry next = poll(key);
            if (next == null) {
                return;
            }
            try {
                next.task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "task of " + key + " failed", e);
            } finally {
                if (next.counted) {
                    counted.decrementAndGet();
                }
            }
        }
        schedule(key);
    }

    private Entry poll(String key) {
        Entry[] next = new Entry[1];
        lanes.computeIfPresent(key, (k, lane) -> {
            next[0] = lane.tasks.poll();
            return next[0] == null ? null : lane;
        });
        return next[0];
    }

    private void reject(Entry entry) {
        try {
            entry.task.reject();
        } finally {
            if (entry.counted) {
                counted.decrementAndGet();
            }
        }
    }

    private record Entry(Task task, boolean counted) {}

    /** Guarded by the map's per-key lock (all access is inside compute). */
    private static final class Lane {
        final ArrayDeque<Entry> tasks = new ArrayDeque<>();
        boolean scheduled;
    }
}
