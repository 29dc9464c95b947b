package org.parley.xccos;

import java.time.Instant;

/**
 * A grpchat from a client: a message for a room. {@code clientTime} is the client's clock; posts
 * without it were refused by the original server (docs/protocol/xccos.md §7.8), so the parser requires it.
 */
public record Post(CommandRef ref, String channelUri, String author, Instant clientTime, String text)
        implements Inbound {}
