package org.parley.chat.application.presence;

import java.util.Map;
import java.util.Set;

/**
 * How this node's presence reaches the other nodes of a pool (over the post road's topic, after the posts sent
 * before: {@link org.parley.chat.infrastructure.messaging.TopicPostRelay}). One node relays nothing. Never blocks
 * the caller and never throws.
 */
public interface PresenceRelay {

    void entered(String roomUri, Participant participant, boolean manager);

    void left(String roomUri, Participant participant);

    /** Asks the other nodes to describe their presence (this node starts, or misses one of theirs). */
    void hello();

    /** This node's whole presence, by room, for the other nodes to replace what they know of it. */
    void describe(Map<String, Set<Participant>> rooms);
}
