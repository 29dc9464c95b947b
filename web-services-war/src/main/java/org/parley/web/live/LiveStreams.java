package org.parley.web.live;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.parley.chat.application.HistoryService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.PostRoad;
import org.parley.chat.application.events.RoomChange;
import org.parley.chat.application.events.RoomEventSubscribers;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.shared.ChatException;

/**
 * The event streams of this node's web clients, fed by the one road every post takes: each stored post, whoever
 * made it (SIP or web) and on whichever node, is written once as an event and handed to every stream watching its
 * room, in the room's order. A stream that reconnects says what it has (the last post of each room) and first gets
 * what it missed from the history, so a network blip loses nothing and repeats nothing: the store, not a buffer,
 * is what it resumes from.
 *
 * <p>Rights taken away close the room on the stream at once: an access change ({@link RoomEventSubscribers}, from the
 * room events topic, on every node) re-checks the streams it concerns against the committed rules, as the SIP side
 * evicts its participants.
 */
@ApplicationScoped
public class LiveStreams implements RoomEventSubscribers.Subscriber {

    /** Well under the 60 s idle timeouts of common proxies and load balancers. */
    static final long HEARTBEAT_SECONDS = 20;
    /** The most missed posts of one room a reconnecting stream is sent; older ones the client reads as history. */
    static final int CATCH_UP_LIMIT = 1_000;

    private static final Logger LOG = Logger.getLogger(LiveStreams.class.getName());

    @Inject
    PostRoad road;

    @Inject
    HistoryService history;

    @Inject
    RoomService rooms;

    @Inject
    RoomEventSubscribers roomEvents;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService writer;

    private final Set<LiveStream> streams = new CopyOnWriteArraySet<>();
    private ScheduledFuture<?> heartbeat;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        road.subscribe(this::posted);
        roomEvents.subscribe(this);
        heartbeat = scheduler.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        streams.forEach(LiveStream::end);
        streams.clear();
    }

    /**
     * Starts a stream for the user: every room must be one they may read (otherwise nothing starts and the refusal
     * is thrown); then what they missed since {@code afterByRoom} is sent, then every post as it comes.
     *
     * @param afterByRoom each room with the last post the client has of it; 0 for none: live posts only
     */
    public void open(String user, Map<String, Long> afterByRoom, SseEventSink sink, Sse sse) {
        Map<String, Set<String>> asked = new HashMap<>();
        for (String room : afterByRoom.keySet()) {
            if (rooms.current(room).isEmpty()) {
                throw ChatException.notFound("no room " + room);
            }
            asked.put(room, Set.of(user));
        }
        Map<String, Set<String>> refused = rooms.mayNoLongerRead(asked, null);
        if (!refused.isEmpty()) {
            throw ChatException.forbidden(user + " may not read " + refused.keySet().iterator().next());
        }
        LiveStream stream = new LiveStream(user, afterByRoom, sink, sse, writer, this::missed);
        streams.add(stream);
        Map<String, List<LiveEvent>> missed = new HashMap<>();
        afterByRoom.forEach((room, after) -> {
            if (after > 0) {
                missed.put(room, history.after(user, room, after, CATCH_UP_LIMIT).stream().map(LiveStreams::event)
                        .toList());
            }
        });
        stream.catchUp(missed);
    }

    /** From the road, on the thread that committed the post: written once, queued on every stream of its room. */
    void posted(MessageView post) {
        LiveEvent event = null;
        for (LiveStream stream : streams) {
            if (stream.isClosed()) {
                streams.remove(stream);
            } else if (stream.watches(post.roomUri())) {
                if (event == null) {
                    event = event(post);
                }
                stream.post(post.roomUri(), event);
            }
        }
    }

    /** Who may read rooms may have changed: the streams it concerns are checked, and lose what they may not read. */
    @Override
    public void accessChanged(AccessChange change) {
        Map<String, Set<String>> usersByRoom = new HashMap<>();
        for (LiveStream stream : streams) {
            if (change.userUri() != null && !change.userUri().equals(stream.user())) {
                continue;
            }
            for (String room : stream.rooms()) {
                if (change.roomUri() == null || change.roomUri().equals(room)) {
                    usersByRoom.computeIfAbsent(room, k -> new HashSet<>()).add(stream.user());
                }
            }
        }
        if (usersByRoom.isEmpty()) {
            return;
        }
        rooms.mayNoLongerRead(usersByRoom, change.categoryUri()).forEach((room, users) -> {
            for (LiveStream stream : streams) {
                if (users.contains(stream.user())) {
                    stream.close(room, closed(room, "no longer allowed"));
                }
            }
        });
    }

    /** What a room's people are shown of it changed: streams watching it are told, and read it again. */
    @Override
    public void roomChanged(RoomChange change) {
        for (LiveStream stream : streams) {
            for (String room : stream.rooms()) {
                if (room.equals(change.roomUri()) || change.roomUri() == null && inCategory(room, change)) {
                    stream.tell(new LiveEvent(null, "room", object(room).build().toString(), 0));
                }
            }
        }
    }

    /** The posts a stream missed between two it got (a pool's topic does not keep order across nodes). */
    private List<LiveEvent> missed(String user, String room, long after, long before) {
        int count = (int) Math.min(before - after - 1, CATCH_UP_LIMIT);
        try {
            return history.after(user, room, after, count).stream().map(LiveStreams::event).toList();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "cannot read the posts " + user + " missed in " + room);
            return List.of();
        }
    }

    int streams() {
        return streams.size();
    }

    private boolean inCategory(String room, RoomChange change) {
        return rooms.current(room).map(view -> view.categoryUri().equals(change.categoryUri())).orElse(false);
    }

    private void heartbeat() {
        for (LiveStream stream : streams) {
            if (stream.isClosed()) {
                streams.remove(stream);
            } else {
                try {
                    stream.heartbeat();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "a heartbeat failed", e);
                }
            }
        }
    }

    private static LiveEvent event(MessageView post) {
        JsonObjectBuilder json = object(post.roomUri())
                .add("seq", post.seq())
                .add("author", post.author())
                .add("text", post.text())
                .add("serverTime", post.serverTime().toString());
        if (post.clientTime() != null) {
            json.add("clientTime", post.clientTime().toString());
        }
        return new LiveEvent(RoomUri.parse(post.roomUri()).guid() + ":" + post.seq(), "post", json.build().toString(),
                post.seq());
    }

    private static LiveEvent closed(String room, String reason) {
        return new LiveEvent(null, "closed", object(room).add("reason", reason).build().toString(), 0);
    }

    private static JsonObjectBuilder object(String roomUri) {
        return Json.createObjectBuilder()
                .add("room", RoomUri.parse(roomUri).guid().toString())
                .add("roomUri", roomUri);
    }
}
