package org.parley.chat.application.events;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the {@link PostRoad}'s promise to its subscribers on this node: a room's posts are published in the order
 * of their sequence numbers. The store numbers a room's posts one transaction at a time (the room's row lock), but
 * the commits' after-completion work runs on as many threads, and a later post's thread may get there first.
 * So each post takes its place in its room's line while it is numbered (under the row lock, so the line's order is
 * the numbering order), and a post is published only when every post numbered before it on this node has been
 * published or rolled back. Nothing waits: whichever thread completes the head of the line publishes what is ready
 * behind it.
 */
@ApplicationScoped
public class RoomPublishOrder {

    private static final Logger LOG = Logger.getLogger(RoomPublishOrder.class.getName());

    private final Map<String, Line> lines = new ConcurrentHashMap<>();

    /** One room's posts numbered on this node and not yet published, in numbering order. */
    private static final class Line {
        final ArrayDeque<Place> places = new ArrayDeque<>();
    }

    /** A post's place in its room's line; completed once, when its transaction has. */
    public final class Place {
        private final String roomUri;
        private boolean done;
        private Runnable publication;

        private Place(String roomUri) {
            this.roomUri = roomUri;
        }

        /** The post is stored: {@code publication} runs once every post numbered before it has been published. */
        public void committed(Runnable publication) {
            complete(this, publication);
        }

        /** The post was not stored: it holds up nobody behind it. */
        public void rolledBack() {
            complete(this, null);
        }
    }

    /** Called while the post is numbered, holding the room's row lock. */
    public Place take(String roomUri) {
        Line line = lines.computeIfAbsent(roomUri, k -> new Line());
        synchronized (line) {
            Place place = new Place(roomUri);
            line.places.addLast(place);
            return place;
        }
    }

    /** Posts waiting in a room's line (for tests and the admin's view of a stuck room). */
    public int waiting(String roomUri) {
        Line line = lines.get(roomUri);
        if (line == null) {
            return 0;
        }
        synchronized (line) {
            return line.places.size();
        }
    }

    private void complete(Place place, Runnable publication) {
        Line line = lines.get(place.roomUri);
        // Publishing under the line's lock keeps the room's order through the subscribers too; they only queue
        // work or send asynchronously, so the lock is short.
        synchronized (line) {
            if (place.done) {
                return;
            }
            place.done = true;
            place.publication = publication;
            while (!line.places.isEmpty() && line.places.peekFirst().done) {
                Runnable ready = line.places.removeFirst().publication;
                if (ready != null) {
                    try {
                        ready.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, e, () -> place.roomUri + ": a stored post could not be published");
                    }
                }
            }
        }
    }
}
