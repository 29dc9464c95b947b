package org.parley.xccos;

import java.time.Instant;

/**
 * A grpchat the server pushes to a room's participants: a live post, the author's echo included
 * (docs/protocol/xccos.md §7.8). {@code time} is the time the server stored it [INF: the spec allows the
 * server to replace the client's ts].
 */
public record ChatMessage(String channelUri, String author, Instant time, String text) implements Outbound {}
