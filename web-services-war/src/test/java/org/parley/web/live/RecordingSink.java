package org.parley.web.live;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.json.Json;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;

/** A client's end of an event stream for the tests: records what is written; writes complete at once unless told otherwise. */
final class RecordingSink implements SseEventSink {
    final List<OutboundSseEvent> sent = new ArrayList<>();
    boolean completeWrites = true;
    boolean failWrites;
    boolean closed;

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public CompletionStage<?> send(OutboundSseEvent event) {
        sent.add(event);
        if (failWrites) {
            return CompletableFuture.failedFuture(new java.io.IOException("connection reset"));
        }
        return completeWrites ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
    }

    @Override
    public void close() {
        closed = true;
    }

    List<String> ids() {
        return sent.stream().map(OutboundSseEvent::getId).toList();
    }

    List<String> names() {
        return sent.stream().map(OutboundSseEvent::getName).toList();
    }

    /** The rooms (their URIs) of the events of that name sent. */
    List<String> told(String name) {
        return sent.stream()
                .filter(event -> event.getName().equals(name))
                .map(event -> Json.createReader(new StringReader((String) event.getData()))
                        .readObject()
                        .getString("roomUri"))
                .toList();
    }
}
