package org.parley.web.live;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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

import org.parley.chat.application.ChatSetting;
import org.parley.chat.application.HistoryService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.PostRoad;
import org.parley.chat.application.events.RoomChange;
import org.parley.chat.application.events.RoomEventSubscribers;
import org.parley.chat.application.occupancy.OccupancyNotices;
import org.parley.chat.application.occupancy.RoomOccupancy;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.PoolPresence;
import org.parley.chat.application.presence.PresenceWatcher;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.shared.ChatException;

/**
 * The event streams of this node's web clients, fed by the one road every post takes: each stored post, whoever
 * made it (SIP or web) and on whichever node, is written once as an event and handed to every stream watching its
 * room, in the room's order. A stream that reconnects says what it has (the last post of each room) and first gets
 * what it missed from the history, so a network blip loses nothing and repeats nothing: the store, not a buffer,
 * is what it resumes from.
 *
 * <p>A web client is a participant of the rooms its stream watches, as a SIP client is of the rooms it joined: its
 * web session ({@code web:<uuid>}, told in the stream's first event, {@code session}) enters them through the one
 * {@link RoomOccupancy} (presence, so SIP clients list it and get {@code ntc:join}; compliance JOIN), and leaves them
 * when the client names them no more, or when its stream has been gone for the grace
 * ({@code parley.web.session-grace-seconds}): a client that reconnects within it with {@code session=<id>} is the same
 * participant, and nobody sees it leave and come back. Who enters and leaves reaches the streams too
 * ({@code entered}, {@code left}), from this node and from the others of a pool.
 *
 * <p>Rights taken away close the room on the stream at once: an access change ({@link RoomEventSubscribers}, from the
 * room events topic, on every node) re-checks the streams it concerns against the committed rules, as the SIP side
 * evicts its participants (the web ones among them: they are in presence).
 */
@ApplicationScoped
public class LiveStreams implements RoomEventSubscribers.Subscriber, OccupancyNotices, PresenceWatcher {

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

    @Inject
    RoomOccupancy occupancy;

    @Inject
    PoolPresence pool;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService writer;

    private final Set<LiveStream> streams = new CopyOnWriteArraySet<>();
    /** The web sessions of this node: with a stream, or without one for the grace. */
    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();

    private ScheduledFuture<?> heartbeat;

    /** A web client as a participant: the rooms it is in, the stream serving it now, its end if no stream comes. */
    private static final class WebSession {
        final Participant participant;
        Set<String> rooms = Set.of();
        LiveStream stream;
        ScheduledFuture<?> ending;

        WebSession(Participant participant) {
            this.participant = participant;
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        road.subscribe(this::posted);
        roomEvents.subscribe(this);
        occupancy.tell(this);
        pool.watch(this);
        heartbeat =
                scheduler.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        streams.forEach(LiveStream::end);
        streams.clear();
        sessions.clear();
    }

    /**
     * Starts a stream for the user: every room must be one they may read (otherwise nothing starts and the refusal
     * is thrown); the web session (a new one, or {@code sessionId}'s if it is the user's and still in its grace)
     * enters the rooms and leaves those it named before and does not now; then the stream gets the session's id,
     * what was missed since {@code afterByRoom}, and every post as it comes.
     *
     * @param sessionId   the session a reconnecting client had, or null
     * @param afterByRoom each room with the last post the client has of it; 0 for none: live posts only
     */
    public void open(String user, String sessionId, Map<String, Long> afterByRoom, SseEventSink sink, Sse sse) {
        Map<String, Set<String>> asked = new HashMap<>();
        for (String room : afterByRoom.keySet()) {
            if (rooms.current(room).isEmpty()) {
                throw ChatException.notFound("no room " + room);
            }
            asked.put(room, Set.of(user));
        }
        Map<String, Set<String>> refused = rooms.mayNoLongerRead(asked, null);
        if (!refused.isEmpty()) {
            throw ChatException.forbidden(
                    user + " may not read " + refused.keySet().iterator().next());
        }
        WebSession session = session(user, sessionId);
        Participant participant = session.participant;
        try {
            for (String room : afterByRoom.keySet()) {
                occupancy.enter(participant, room);
            }
        } catch (RuntimeException refusedEntry) {
            if (session.rooms.isEmpty()) {
                end(session);
            }
            throw refusedEntry;
        }
        for (String room : session.rooms) {
            if (!afterByRoom.containsKey(room)) {
                occupancy.leave(participant, room);
            }
        }
        LiveStream stream = new LiveStream(
                user,
                participant.sessionId(),
                afterByRoom,
                sink,
                sse,
                writer,
                this::missed,
                () -> streamEnded(session));
        LiveStream replaced;
        synchronized (session) {
            session.rooms = Set.copyOf(afterByRoom.keySet());
            replaced = session.stream;
            session.stream = stream;
        }
        if (replaced != null) {
            // The client came back before the server noticed its old connection was gone.
            replaced.end();
            streams.remove(replaced);
        }
        streams.add(stream);
        stream.tell(new LiveEvent(
                null,
                "session",
                Json.createObjectBuilder()
                        .add("session", participant.sessionId())
                        .build()
                        .toString(),
                0));
        Map<String, List<LiveEvent>> missed = new HashMap<>();
        afterByRoom.forEach((room, after) -> {
            if (after > 0) {
                missed.put(
                        room,
                        history.after(user, room, after, CATCH_UP_LIMIT).stream()
                                .map(LiveStreams::event)
                                .toList());
            }
        });
        stream.catchUp(missed);
    }

    /** The user's session {@code sessionId} if it is theirs and still here (its end called off), or a new one. */
    private WebSession session(String user, String sessionId) {
        if (sessionId != null) {
            WebSession known = sessions.get(sessionId);
            if (known != null && known.participant.userUri().equals(user)) {
                synchronized (known) {
                    if (known.ending == null || known.ending.cancel(false)) {
                        known.ending = null;
                        return known;
                    }
                }
            }
        }
        WebSession created = new WebSession(new Participant(user, Participant.WEB_SESSION + UUID.randomUUID()));
        sessions.put(created.participant.sessionId(), created);
        return created;
    }

    /** A stream ended: unless another took its place, the session leaves its rooms once the grace has passed. */
    private void streamEnded(WebSession session) {
        synchronized (session) {
            if (session.stream != null && !session.stream.isClosed()) {
                return;
            }
            session.stream = null;
            try {
                session.ending = scheduler.schedule(() -> end(session), graceSeconds(), TimeUnit.SECONDS);
            } catch (RuntimeException stopping) {
                // The node is stopping: presence goes with it.
                LOG.log(Level.FINE, "no end scheduled for a web session", stopping);
            }
        }
    }

    /**
     * The user ends their web session now (the page signs out): it leaves its rooms at once, its stream closes.
     *
     * @return false when the user has no session by that id here
     */
    public boolean end(String user, String sessionId) {
        WebSession session = sessions.get(sessionId);
        if (session == null || !session.participant.userUri().equals(user)) {
            return false;
        }
        LiveStream stream;
        synchronized (session) {
            if (session.ending != null) {
                session.ending.cancel(false);
            }
            stream = session.stream;
            session.stream = null;
        }
        end(session);
        if (stream != null) {
            streams.remove(stream);
            stream.end();
        }
        return true;
    }

    private void end(WebSession session) {
        if (sessions.remove(session.participant.sessionId(), session)) {
            occupancy.leaveAll(session.participant);
        }
    }

    private static long graceSeconds() {
        return Long.parseLong(ChatSetting.WEB_SESSION_GRACE_SECONDS.value());
    }

    /** From the road, on the thread that committed the post: written once, queued on every stream of its room. */
    void posted(MessageView post) {
        LiveEvent event = null;
        for (LiveStream stream : streams) {
            if (open(stream) && stream.watches(post.roomUri())) {
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
        // A category change concerns the watched rooms in it: each is read, and its event made, once, however many
        // streams watch it (empty: the change does not concern the room).
        Map<String, Optional<LiveEvent>> told = new HashMap<>();
        for (LiveStream stream : streams) {
            for (String room : stream.rooms()) {
                told.computeIfAbsent(room, watched -> roomEvent(change, watched))
                        .ifPresent(stream::tell);
            }
        }
    }

    /** The posts a stream missed between two it got (a pool's topic does not keep order across nodes). */
    private List<LiveEvent> missed(String user, String room, long after, long before) {
        int count = (int) Math.min(before - after - 1, CATCH_UP_LIMIT);
        try {
            return history.after(user, room, after, count).stream()
                    .map(LiveStreams::event)
                    .toList();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "cannot read the posts " + user + " missed in " + room);
            return List.of();
        }
    }

    // ---- who enters and leaves, here and on the other nodes: told to the streams watching the room ----------

    @Override
    public void entering(String roomUri, long lastSeq) {
        // The streams' order guard starts from what each client has, not from the room's entry.
    }

    @Override
    public void entered(String roomUri, Participant participant, boolean manager) {
        tellRoom(
                roomUri,
                participant,
                "entered",
                object(roomUri)
                        .add("user", participant.userUri())
                        .add("manager", manager)
                        .build()
                        .toString());
    }

    @Override
    public void left(String roomUri, Participant participant) {
        tellRoom(
                roomUri,
                participant,
                "left",
                object(roomUri).add("user", participant.userUri()).build().toString());
    }

    @Override
    public void enteredElsewhere(String roomUri, Participant participant, boolean manager) {
        entered(roomUri, participant, manager);
    }

    @Override
    public void leftElsewhere(String roomUri, Participant participant) {
        left(roomUri, participant);
    }

    /** Every stream watching the room but the participant's own. */
    private void tellRoom(String roomUri, Participant participant, String name, String data) {
        LiveEvent event = new LiveEvent(null, name, data, 0);
        for (LiveStream stream : streams) {
            if (stream.watches(roomUri) && !stream.sessionId().equals(participant.sessionId())) {
                stream.tell(event);
            }
        }
    }

    int streams() {
        return streams.size();
    }

    /** The {@code room} event for a watched room the change concerns; none for one it does not. */
    private Optional<LiveEvent> roomEvent(RoomChange change, String room) {
        return concerns(change, room)
                ? Optional.of(new LiveEvent(null, "room", object(room).build().toString(), 0))
                : Optional.empty();
    }

    private boolean concerns(RoomChange change, String room) {
        if (change.roomUri() != null) {
            return room.equals(change.roomUri());
        }
        return rooms.current(room)
                .map(view -> view.categoryUri().equals(change.categoryUri()))
                .orElse(false);
    }

    private void heartbeat() {
        for (LiveStream stream : streams) {
            if (open(stream)) {
                try {
                    stream.heartbeat();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "a heartbeat failed", e);
                }
            }
        }
    }

    /**
     * Whether the stream is still open. A closed one (its client went away, or it fell behind) is ended and dropped
     * here, by whichever loop over the streams meets it first: nothing else watches for it.
     */
    private boolean open(LiveStream stream) {
        if (stream.isClosed()) {
            stream.end();
            streams.remove(stream);
            return false;
        }
        return true;
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
        return new LiveEvent(
                RoomUri.parse(post.roomUri()).guid() + ":" + post.seq(),
                "post",
                json.build().toString(),
                post.seq());
    }

    private static LiveEvent closed(String room, String reason) {
        return new LiveEvent(
                null, "closed", object(room).add("reason", reason).build().toString(), 0);
    }

    private static JsonObjectBuilder object(String roomUri) {
        return Json.createObjectBuilder()
                .add("room", RoomUri.parse(roomUri).guid().toString())
                .add("roomUri", roomUri);
    }
}
