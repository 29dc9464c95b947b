package org.parley.chat.application.events;

import org.parley.chat.application.dto.MessageView;

/**
 * Tells every chat node what happened in a room, so each can tell the participants connected to it. Called
 * inside the action's transaction: an implementation must take part in it, so that a post that rolls back is
 * announced to nobody, and one that commits is announced.
 *
 * <p>Changes of who may read a room go this way too, so that every node evicts the participants connected to
 * it who may no longer read.
 *
 * <p>Today only posts made outside the SIP service (the web services' file announcements) go this way; a
 * SIP post is fanned out by the node that took it, directly, to keep its latency.
 */
public interface RoomEventPublisher {

    void posted(MessageView message);

    /**
     * Who may read some room may have changed (see {@link AccessChange}); published in the change's transaction,
     * so the nodes re-check against the committed state.
     */
    void accessChanged(AccessChange change);
}
