package org.parley.chat.application.events;

import java.util.function.Consumer;

import org.parley.chat.application.dto.MessageView;

/**
 * The one road of every post, from SIP or the web: once a post is stored (its transaction committed) it is
 * published here once, and each chat node delivers it to the sessions connected to it. On one node the road is
 * in memory ({@link LocalPostRoad}): no broker round trip between the commit and the fan-out. A pool of nodes
 * puts its clustered topic behind the same interface, so a node never waits for a post it will not get.
 *
 * <p>Contract for publishers: publish only after commit, and publish the posts of one room in the order of
 * their sequence numbers (the store numbers a room's posts one writer at a time). Subscribers may still guard
 * the order (a pool's topic gives no order across publishers).
 */
public interface PostRoad {

    /** A stored post, after its commit. Never throws: a subscriber's failure is logged, the post is stored. */
    void publish(MessageView post);

    /** Registers a node's delivery; called once at start by each subscriber (fan-out, new-content notices). */
    void subscribe(Consumer<MessageView> subscriber);
}
