package org.parley.web.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * One web client's event stream: the rooms it watches, the last post it was sent in each (so it never gets one
 * twice or an older one after a newer), and a bounded queue of events written to the client one at a time.
 *
 * <p>Posts arrive from the post road on whichever thread committed them and must never wait for a client, nor fail
 * for one: they are queued, and the queue is written on the writer's threads, one write at a time. A client that lets more than
 * {@link #MAX_QUEUED} events pile up is too slow to keep: its stream is closed (it reconnects and resumes from the
 * history), and no other stream ever waits for it, as a SIP client's bounded outbound queue (#12).
 *
 * <p>While the stream catches up on what the client missed ({@link #catchUp}), live posts are held and then sent
 * after, skipping those the catching up already sent.
 */
final class LiveStream {

    static final int MAX_QUEUED = 1_000;

    private static final Logger LOG = Logger.getLogger(LiveStream.class.getName());

    private final String user;
    private final SseEventSink sink;
    /** Where the writes happen: never the thread that queued the event (a post's, which must not wait or fail). */
    private final Executor writer;

    private final Gaps gaps;
    private final String sessionId;
    private final Runnable ended;
    private final Sse sse;
    private final Map<String, Long> lastSeqByRoom = new HashMap<>();
    private final Queue<LiveEvent> queue = new ArrayDeque<>();
    /** Live posts that arrived while catching up, with their rooms; null once caught up. */
    private List<Held> held = new ArrayList<>();

    private boolean sending;
    private boolean closed;

    /**
     * @param sessionId   the web session the stream serves (it may outlive the stream, for the grace)
     * @param afterByRoom the rooms to watch, each with the last post the client has of it (0: none)
     * @param ended       run once when the stream ends, whatever ends it
     */
    LiveStream(
            String user,
            String sessionId,
            Map<String, Long> afterByRoom,
            SseEventSink sink,
            Sse sse,
            Executor writer,
            Gaps gaps,
            Runnable ended) {
        this.user = user;
        this.sessionId = sessionId;
        this.gaps = gaps;
        this.ended = ended;
        this.writer = writer;
        this.sink = sink;
        this.sse = sse;
        lastSeqByRoom.putAll(afterByRoom);
    }

    String user() {
        return user;
    }

    String sessionId() {
        return sessionId;
    }

    synchronized Set<String> rooms() {
        return Set.copyOf(lastSeqByRoom.keySet());
    }

    synchronized boolean watches(String roomUri) {
        return lastSeqByRoom.containsKey(roomUri);
    }

    synchronized boolean isClosed() {
        return closed || sink.isClosed();
    }

    /**
     * What the client missed in a room, from the history, before any live post of it: sent in order; then the live
     * posts held meanwhile follow, those already sent skipped. Called once per stream, for all its rooms.
     */
    synchronized void catchUp(Map<String, List<LiveEvent>> missedByRoom) {
        List<Held> live = held;
        held = null;
        missedByRoom.forEach((room, missed) -> missed.forEach(event -> post(room, event)));
        live.forEach(post -> post(post.room(), post.event()));
    }

    /** A post of a room this stream watches: queued unless the client has it already. */
    synchronized void post(String roomUri, LiveEvent event) {
        if (held != null) {
            held.add(new Held(roomUri, event));
            return;
        }
        Long last = lastSeqByRoom.get(roomUri);
        if (last == null || event.seq() <= last) {
            return;
        }
        if (last > 0 && event.seq() > last + 1) {
            // A pool's topic let a later post overtake an earlier one (one node's posts never do): the earlier ones
            // are stored (a room's posts are numbered one commit after another), so they are read and sent first.
            for (LiveEvent missed : gaps.missed(user, roomUri, last, event.seq())) {
                if (missed.seq() > lastSeqByRoom.get(roomUri) && missed.seq() < event.seq()) {
                    lastSeqByRoom.put(roomUri, missed.seq());
                    enqueue(missed);
                }
            }
        }
        lastSeqByRoom.put(roomUri, event.seq());
        enqueue(event);
    }

    /** Reads the posts of a room between two sequence numbers (both excluded) from the store. */
    interface Gaps {
        List<LiveEvent> missed(String user, String roomUri, long after, long before);
    }

    /** An event about a room (a change), or about the stream; never held, never guarded by sequence. */
    synchronized void tell(LiveEvent event) {
        enqueue(event);
    }

    /** The client may no longer read the room: it is told, and gets nothing more of it. */
    synchronized void close(String roomUri, LiveEvent closedEvent) {
        if (lastSeqByRoom.remove(roomUri) != null) {
            if (held != null) {
                held.removeIf(post -> post.room().equals(roomUri));
            }
            enqueue(closedEvent);
        }
    }

    /** A comment line, so that a proxy keeps the connection and a dead client is found by the failing write. */
    synchronized void heartbeat() {
        if (queue.isEmpty() && !sending) {
            enqueue(new LiveEvent(null, null, null, 0));
        }
    }

    synchronized void end() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        ended.run();
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing an event stream", e);
        }
    }

    private void enqueue(LiveEvent event) {
        if (closed) {
            return;
        }
        if (queue.size() >= MAX_QUEUED) {
            LOG.info(() -> "the event stream of " + user + " fell " + MAX_QUEUED + " events behind: closed");
            end();
            return;
        }
        queue.add(event);
        if (!sending) {
            sending = true;
            write();
        }
    }

    /** Has the writer drain the queue. Called holding the lock, with {@code sending} set. */
    private void write() {
        try {
            writer.execute(this::sendNext);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "no writer for an event stream", e);
            end();
        }
    }

    /**
     * Sends the queue in order, one write at a time: a write that completes at once is followed by the next in this
     * loop, one still under way has the writer send the next when it completes. The lock is not held while writing,
     * so a post queuing its event never waits for a client's network.
     */
    private void sendNext() {
        while (true) {
            LiveEvent next;
            synchronized (this) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    sending = false;
                    return;
                }
            }
            CompletableFuture<?> write;
            try {
                write = sink.send(event(next)).toCompletableFuture();
            } catch (RuntimeException e) {
                write = CompletableFuture.failedFuture(e);
            }
            if (!write.isDone() || write.isCompletedExceptionally()) {
                write.whenComplete((done, failure) -> sent(failure));
                return;
            }
        }
    }

    private synchronized void sent(Throwable failure) {
        if (failure != null) {
            LOG.log(Level.FINE, failure, () -> "the event stream of " + user + " ended");
            end();
            return;
        }
        write();
    }

    private OutboundSseEvent event(LiveEvent event) {
        if (event.name() == null) {
            return sse.newEventBuilder().comment("").build();
        }
        return sse.newEventBuilder()
                .id(event.id())
                .name(event.name())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, event.data())
                .build();
    }

    private record Held(String room, LiveEvent event) {}
}
