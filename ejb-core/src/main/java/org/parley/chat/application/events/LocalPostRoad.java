package org.parley.chat.application.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.MessageView;

/**
 * The road at this node: the publisher's thread hands the post to each subscriber of this node directly (no
 * broker round trip between the commit and the fan-out), so subscribers must not block (the fan-out only queues
 * work); then the relay takes it to the other nodes of a pool, where it comes back in through
 * {@link #received(MessageView)}.
 */
@ApplicationScoped
public class LocalPostRoad implements PostRoad {

    private static final Logger LOG = Logger.getLogger(LocalPostRoad.class.getName());

    private final List<Consumer<MessageView>> subscribers = new CopyOnWriteArrayList<>();

    @Inject
    PostRelay relay;

    public LocalPostRoad() {}

    /** A road with a relay given (tests; no relay: one node). */
    public LocalPostRoad(PostRelay relay) {
        this.relay = relay;
    }

    @Override
    public void publish(MessageView post) {
        received(post);
        if (relay != null) {
            relay.relay(post);
        }
    }

    /** A post from another node of the pool: delivered here only, never relayed again. */
    public void received(MessageView post) {
        for (Consumer<MessageView> subscriber : subscribers) {
            try {
                subscriber.accept(post);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        e,
                        () -> post.roomUri() + ": post " + post.seq() + " is stored, but " + subscriber
                                + " could not take it");
            }
        }
    }

    @Override
    public void subscribe(Consumer<MessageView> subscriber) {
        subscribers.add(subscriber);
    }
}
