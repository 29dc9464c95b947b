package org.parley.chat.application.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.chat.application.dto.MessageView;

/**
 * The road on one node: the publisher's thread hands the post to each subscriber directly, so subscribers must
 * not block (the fan-out only queues work).
 */
@ApplicationScoped
public class LocalPostRoad implements PostRoad {

    private static final Logger LOG = Logger.getLogger(LocalPostRoad.class.getName());

    private final List<Consumer<MessageView>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(MessageView post) {
        for (Consumer<MessageView> subscriber : subscribers) {
            try {
                subscriber.accept(post);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> post.roomUri() + ": post " + post.seq() + " is stored, but "
                        + subscriber + " could not take it");
            }
        }
    }

    @Override
    public void subscribe(Consumer<MessageView> subscriber) {
        subscribers.add(subscriber);
    }
}
