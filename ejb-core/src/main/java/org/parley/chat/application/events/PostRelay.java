package org.parley.chat.application.events;

import org.parley.chat.application.dto.MessageView;

/**
 * How a post stored on this node reaches the other nodes of a pool, after this node's own subscribers have it.
 * One node relays nothing; a pool relays over its clustered topic
 * ({@link org.parley.chat.infrastructure.messaging.TopicPostRelay}).
 */
public interface PostRelay {

    /** Hands a stored post to the other nodes. Never blocks the caller and never throws. */
    void relay(MessageView post);
}
