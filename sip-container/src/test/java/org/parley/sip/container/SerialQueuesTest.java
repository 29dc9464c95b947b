package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialQueuesTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void oneKeyRunsInOrderOneAtATime() throws Exception {
        SerialQueues queues = new SerialQueues(executor, 10_000);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(200);
        int[] running = new int[1];
        for (int i = 0; i < 200; i++) {
            int n = i;
            assertThat(queues.submit("call", task(() -> {
                        synchronized (running) {
                            assertThat(running[0]++).isZero();
                        }
                        seen.add(n);
                        synchronized (running) {
                            running[0]--;
                        }
                        done.countDown();
                    })))
                    .isTrue();
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen)
                .containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
    }

    @Test
    void otherKeysRunWhileOneBlocks() throws Exception {
        SerialQueues queues = new SerialQueues(executor, 10_000);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch other = new CountDownLatch(1);
        CountDownLatch after = new CountDownLatch(1);
        queues.submit("a", task(() -> await(release)));
        queues.submit("a", task(after::countDown));
        queues.submit("b", task(other::countDown));
        assertThat(other.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(after.getCount()).isEqualTo(1);
        release.countDown();
        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void boundCountsQueuedAndRunningButNotExemptTasks() throws Exception {
        SerialQueues queues = new SerialQueues(executor, 2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch drained = new CountDownLatch(3);
        assertThat(queues.submit("a", task(() -> {
                    await(release);
                    drained.countDown();
                })))
                .isTrue();
        assertThat(queues.submit("b", task(() -> {
                    await(release);
                    drained.countDown();
                })))
                .isTrue();
        assertThat(queues.submit("c", task(() -> {}))).isFalse();
        queues.submitExempt("c", task(drained::countDown));
        release.countDown();
        assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void refusedExecutionRejectsTheTasks() {
        SerialQueues queues = new SerialQueues(
                task -> {
                    throw new RejectedExecutionException("full");
                },
                10);
        List<String> rejected = new CopyOnWriteArrayList<>();
        queues.submit("a", new SerialQueues.Task() {
            @Override
            public void run() {
                throw new AssertionError("must not run");
            }

            @Override
            public void reject() {
                rejected.add("a");
            }
        });
        assertThat(rejected).containsExactly("a");
        assertThat(queues.size()).isZero();
    }

    private static SerialQueues.Task task(Runnable body) {
        return new SerialQueues.Task() {
            @Override
            public void run() {
                body.run();
            }

            @Override
            public void reject() {
                throw new AssertionError("rejected");
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
