package org.parley.chat.interfaces.xccos;

import java.util.ArrayList;
import java.util.List;

import org.parley.xccos.Outbound;

/**
 * A {@link ClientDelivery} that keeps what it was asked to send, in call order, instead of sending
 * it. Thread-safe, so fan-out can be exercised from several threads.
 */
public final class RecordingDelivery implements ClientDelivery {

    /** One element handed to one client session. */
    public record Delivered(String sessionId, Outbound item) {}

    private final List<Delivered> delivered = new ArrayList<>();
    private final Runnable onDeliver;

    public RecordingDelivery() {
        this(() -> {});
    }

    /** @param onDeliver runs on every delivery, e.g. to record it in a shared sequence of events */
    public RecordingDelivery(Runnable onDeliver) {
        this.onDeliver = onDeliver;
    }

    @Override
    public synchronized boolean deliver(String sessionId, Outbound item) {
        delivered.add(new Delivered(sessionId, item));
        onDeliver.run();
        return true;
    }

    public synchronized List<Delivered> all() {
        return List.copyOf(delivered);
    }

    /** What one session received, in order. */
    public synchronized List<Outbound> to(String sessionId) {
        return delivered.stream()
                .filter(d -> d.sessionId().equals(sessionId))
                .map(Delivered::item)
                .toList();
    }

    public synchronized List<String> sessions() {
        return delivered.stream().map(Delivered::sessionId).toList();
    }

    public synchronized void clear() {
        delivered.clear();
    }
}
