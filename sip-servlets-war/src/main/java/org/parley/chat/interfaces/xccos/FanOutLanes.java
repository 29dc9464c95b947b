package org.parley.chat.interfaces.xccos;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed set of serial lanes over one shared executor: work handed to one lane runs one task at a time, in the
 * order it was handed over, while the lanes run side by side. A room's work always takes the same lane (ejabberd's
 * room process: one sequential owner per room, no lock held while sending), so rooms spread over the cores and no
 * single thread is the ceiling; a lane holds no thread while it has nothing to do.
 */
final class FanOutLanes {

    private static final Logger LOG = Logger.getLogger(FanOutLanes.class.getName());

    private final Lane[] lanes;

    FanOutLanes(int count, Executor executor) {
        lanes = new Lane[Math.max(1, count)];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(executor);
        }
    }

    int count() {
        return lanes.length;
    }

    /** The lane of a key (a room, a session): always the same one. */
    int laneOf(String key) {
        return Math.floorMod(key.hashCode(), lanes.length);
    }

    void execute(int lane, Runnable task) {
        lanes[lane].execute(task);
    }

    /** One serial lane: a queue drained by at most one task of the executor at a time. */
    private static final class Lane implements Executor {

        private final Executor executor;
        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Lane(Executor executor) {
            this.executor = executor;
        }

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
            schedule();
        }

        private void schedule() {
            if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
                try {
                    executor.execute(this::drain);
                } catch (RejectedExecutionException busy) {
                    // The executor is saturated: the caller works the lane off itself rather than lose posts.
                    LOG.fine(() -> "fan-out lane run on the caller's thread: " + busy);
                    drain();
                }
            }
        }

        private void drain() {
            try {
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "fan-out task failed", e);
                    }
                }
            } finally {
                scheduled.set(false);
                schedule();
            }
        }
    }
}
