package org.parley.chat.application.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.Callers;

/**
 * This node's end of the room events ({@link RoomEventPublisher}), for every transport: the SIP side evicts its
 * participants and tells them of a room's change, the web side closes rooms on its event streams and tells them too.
 * Each subscribes once at start, as to the {@link PostRoad}. An access change first makes this node forget what it
 * remembered of the callers it concerns, once, so every subscriber checks against the committed rules.
 */
@ApplicationScoped
public class RoomEventSubscribers {

    /** What a transport does with the room events of its sessions on this node. Must not throw. */
    public interface Subscriber {

        void accessChanged(AccessChange change);

        void roomChanged(RoomChange change);
    }

    private static final Logger LOG = Logger.getLogger(RoomEventSubscribers.class.getName());

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    @Inject
    Callers callers;

    public RoomEventSubscribers() {}

    /** For tests: the callers to forget changes in. */
    public RoomEventSubscribers(Callers callers) {
        this.callers = callers;
    }

    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    /** Called by the room events topic's listener, one change at a time, in the topic's order. */
    public void accessChanged(AccessChange change) {
        // On another node of a pool this is the first this node hears of the change: who the callers are is read
        // afresh, for the subscribers and for every request after them.
        callers.forget(change);
        tellEach(change, subscriber -> subscriber.accessChanged(change));
    }

    public void roomChanged(RoomChange change) {
        tellEach(change, subscriber -> subscriber.roomChanged(change));
    }

    /** One subscriber failing must not keep the change from the others: it is logged and the rest are told. */
    private void tellEach(Object change, Consumer<Subscriber> tell) {
        for (Subscriber subscriber : subscribers) {
            try {
                tell.accept(subscriber);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> subscriber + " could not act on " + change);
            }
        }
    }
}
