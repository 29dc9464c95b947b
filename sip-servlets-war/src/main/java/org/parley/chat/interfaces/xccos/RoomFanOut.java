package org.parley.chat.interfaces.xccos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.PoolPresence;
import org.parley.chat.application.presence.PresenceWatcher;
import org.parley.chat.application.presence.RoomPresence;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.xccos.ChatMessage;
import org.parley.xccos.DataItem;
import org.parley.xccos.DataItem.Affiliation;
import org.parley.xccos.DataItem.ChannelUsers;
import org.parley.xccos.DataItem.UserInfo;
import org.parley.xccos.Notice;
import org.parley.xccos.Outbound;
import org.parley.xccos.XccosNames;

/**
 * Tells a room's online participants what happens in it: posts (to everyone, the author included:
 * clients show their own post only from this echo, docs/protocol/xccos.md §7.8), who enters and leaves, and how the room
 * itself changed.
 *
 * <p>Posts come from the one road ({@link #posted}), SIP and web alike. The road's publisher only hands the post
 * over: under the room's short lock it is put in sequence and queued on the room's lane ({@link FanOutLanes}); the
 * lane builds the element once and sends it to every participant ({@link ClientDelivery#deliverToAll}). Each room
 * remembers the last sequence number it handed on, so a post is never delivered twice, and a post whose
 * predecessor has not come yet is held, at most {@link #HOLD}, on a timer (no thread waits): the predecessor
 * releases both, or the timer lets the held posts go without it (it is in the history). That is the per-room
 * sequencer a pool of nodes needs, where posts from other nodes come over a topic that keeps no order across
 * publishers; on one node the road already keeps the order and nothing is ever held.
 *
 * <p>A big room (from {@link #BIG_ROOM} participants) is sent in batches, one per lane, each participant always
 * in the batch of its session's lane, so a session's posts keep their order while the room uses every core. A room
 * once big stays sent that way, so no session ever changes lane between two posts.
 */
@ApplicationScoped
public class RoomFanOut implements PresenceWatcher {

    /**
     * How long a post waits for its predecessor. On one node it never waits (the road keeps the order); in a pool,
     * far above a clustered topic's usual delay (milliseconds), short enough that a lost event does not hold up
     * the room for long.
     */
    static final Duration HOLD = Duration.ofMillis(200);

    /** From this many participants a room's posts are sent in batches across the lanes. */
    static final int BIG_ROOM = 200;

    private static final Logger LOG = Logger.getLogger(RoomFanOut.class.getName());

    @Inject
    RoomPresence presence;

    @Inject
    ClientDelivery delivery;

    /** Tells the other nodes of a pool who enters and leaves here (null in tests of one node). */
    @Inject
    PoolPresence pool;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/parley-sip")
    Executor executor;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ScheduledExecutorService timer;

    private volatile FanOutLanes lanes;

    private final Map<String, RoomLine> lines = new ConcurrentHashMap<>();

    /**
     * One room's sequencer (its lock is the object itself): the last sequence number handed on, the posts held
     * for a missing predecessor, and whether the room is sent in batches.
     */
    private static final class RoomLine {
        final int lane;
        boolean started;
        long delivered;
        final NavigableMap<Long, MessageView> held = new TreeMap<>();
        ScheduledFuture<?> release;
        volatile boolean big;
        final List<Participant> leaving = new ArrayList<>();
        final List<Joiner> joining = new ArrayList<>();

        RoomLine(int lane) {
            this.lane = lane;
        }
    }

    /** Someone who entered the room and is yet to be announced, with the role the notice gives them. */
    private record Joiner(Participant participant, boolean manager) {}

    /**
     * A stored post from the road, delivered to the room's participants on this node, in the room's order, once.
     * Never blocks the publisher: the post is queued on the room's lane (or held for its predecessor).
     */
    public void posted(MessageView message) {
        String roomUri = RoomUri.canonical(message.roomUri());
        RoomLine line = line(roomUri);
        synchronized (line) {
            if (line.started && message.seq() <= line.delivered || line.held.containsKey(message.seq())) {
                LOG.fine(() -> roomUri + ": post " + message.seq() + " already delivered");
                return;
            }
            if (line.started && message.seq() > line.delivered + 1) {
                line.held.put(message.seq(), message);
                if (line.release == null) {
                    line.release =
                            timer.schedule(() -> releaseHeld(roomUri, line), HOLD.toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
            handOn(roomUri, line, message);
            handOnFollowers(roomUri, line);
        }
    }

    /**
     * Someone enters the room on this node, the store having its posts up to {@code lastSeq}: a room line not
     * started yet starts there. Without it the line would start at the first post it sees, and in a pool that may
     * be a post stored here while an earlier one from another node is still on the topic: the earlier post would
     * then be skipped as delivered. Started here, the line holds the later post until the earlier one comes.
     */
    public void storedUpTo(String roomUri, long lastSeq) {
        RoomLine line = line(RoomUri.canonical(roomUri));
        synchronized (line) {
            if (!line.started) {
                line.started = true;
                line.delivered = lastSeq;
            }
        }
    }

    /** The hold is over: the held posts go on without their missing predecessors. */
    private void releaseHeld(String roomUri, RoomLine line) {
        synchronized (line) {
            line.release = null;
            if (line.held.isEmpty()) {
                return;
            }
            long missingFrom = line.delivered + 1;
            MessageView first = line.held.pollFirstEntry().getValue();
            LOG.fine(() -> roomUri + ": post " + first.seq() + " delivered without " + missingFrom + ".."
                    + (first.seq() - 1) + ", not arrived within " + HOLD);
            handOn(roomUri, line, first);
            handOnFollowers(roomUri, line);
        }
    }

    /** Called holding the line's lock: the posts held that now follow without a gap. */
    private void handOnFollowers(String roomUri, RoomLine line) {
        Map.Entry<Long, MessageView> next;
        while ((next = line.held.firstEntry()) != null && next.getKey() == line.delivered + 1) {
            line.held.pollFirstEntry();
            handOn(roomUri, line, next.getValue());
        }
        if (line.held.isEmpty() && line.release != null) {
            line.release.cancel(false);
            line.release = null;
        } else if (!line.held.isEmpty() && line.release == null) {
            line.release = timer.schedule(() -> releaseHeld(roomUri, line), HOLD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Called holding the line's lock: queues the post on the room's lane, in sequence. */
    private void handOn(String roomUri, RoomLine line, MessageView message) {
        line.started = true;
        line.delivered = Math.max(line.delivered, message.seq());
        ChatMessage chat = new ChatMessage(message.roomUri(), message.author(), message.serverTime(), message.text());
        lanes().execute(line.lane, () -> sendToRoom(roomUri, line, chat));
    }

    /**
     * On the room's lane: the element, built once, to every participant; a big room's participants in batches on
     * their sessions' lanes.
     */
    private void sendToRoom(String roomUri, RoomLine line, Outbound item) {
        List<String> recipients = new ArrayList<>();
        for (Participant participant : presence.participantsHere(roomUri)) {
            recipients.add(participant.sessionId());
        }
        if (recipients.size() >= BIG_ROOM) {
            line.big = true;
        }
        if (!recipients.isEmpty()) {
            sendTo(line, recipients, item);
        }
    }

    /** To one session of the room, after what the room's lane already has for it. */
    private void sendToOne(RoomLine line, String sessionId, Outbound item) {
        FanOutLanes all = lanes();
        all.execute(line.lane, () -> {
            if (line.big && all.count() > 1) {
                all.execute(all.laneOf(sessionId), () -> delivery.deliver(sessionId, item));
            } else {
                delivery.deliver(sessionId, item);
            }
        });
    }

    private RoomLine line(String roomUri) {
        return lines.computeIfAbsent(roomUri, k -> new RoomLine(lanes().laneOf(k)));
    }

    private FanOutLanes lanes() {
        FanOutLanes known = lanes;
        if (known == null) {
            synchronized (this) {
                known = lanes;
                if (known == null) {
                    known = new FanOutLanes(Math.max(2, Runtime.getRuntime().availableProcessors()), executor);
                    lanes = known;
                }
            }
        }
        return known;
    }

    /**
     * Someone entered the room on this node: ntc:join to the others in the room (docs/protocol/xccos.md §8, docs/protocol/real-client.md
     * appendix B), here and, through the pool, on the other nodes. Notices name users, not clients: a user
     * already in the room through another client (on any node) is not announced again.
     */
    public void entered(String roomUri, Participant newcomer, boolean manager) {
        if (pool != null) {
            pool.entered(roomUri, newcomer, manager);
        }
        enteredElsewhere(roomUri, newcomer, manager);
    }

    /**
     * Someone entered the room on another node of the pool, or here: ntc:join to the participants here. Newcomers
     * are gathered per room and told in one notice by the room's lane, as leavers are: when many enter at once
     * (a thousand signing in to one room) each participant gets a few notices naming many users instead of one
     * notice per newcomer, which made the sign-in of n users cost n² INFOs. A newcomer is told of the others who
     * entered with it, never of itself.
     */
    @Override
    public void enteredElsewhere(String roomUri, Participant newcomer, boolean manager) {
        if (presentElsewhere(roomUri, newcomer)) {
            return;
        }
        RoomLine line = line(RoomUri.canonical(roomUri));
        synchronized (line) {
            line.joining.add(new Joiner(newcomer, manager));
            if (line.joining.size() > 1) {
                return; // a flush is queued already
            }
        }
        lanes().execute(line.lane, () -> flushJoiners(roomUri, line));
    }

    private void flushJoiners(String roomUri, RoomLine line) {
        List<Joiner> joiners;
        synchronized (line) {
            joiners = List.copyOf(line.joining);
            line.joining.clear();
        }
        Map<String, Joiner> bySession = new HashMap<>();
        for (Joiner joiner : joiners) {
            bySession.put(joiner.participant().sessionId(), joiner);
        }
        List<String> others = new ArrayList<>();
        List<Joiner> joinersHere = new ArrayList<>();
        for (Participant participant : presence.participantsHere(roomUri)) {
            Joiner joiner = bySession.get(participant.sessionId());
            if (joiner == null) {
                others.add(participant.sessionId());
            } else {
                joinersHere.add(joiner);
            }
        }
        if (others.size() + joinersHere.size() >= BIG_ROOM) {
            line.big = true;
        }
        if (!others.isEmpty()) {
            sendTo(line, others, joinNotice(roomUri, joiners, null));
        }
        for (Joiner joiner : joinersHere) {
            String session = joiner.participant().sessionId();
            Notice notice = joinNotice(roomUri, joiners, session);
            if (notice != null) {
                sendTo(line, List.of(session), notice);
            }
        }
    }

    /** ntc:join naming each user of {@code joiners} once, but the one of session {@code except}; null if none. */
    private static Notice joinNotice(String roomUri, List<Joiner> joiners, String except) {
        RoomUri uri = RoomUri.parse(roomUri);
        Set<String> named = new HashSet<>();
        List<DataItem> users = new ArrayList<>();
        for (Joiner joiner : joiners) {
            Participant participant = joiner.participant();
            if (participant.sessionId().equals(except) || !named.add(participant.userUri())) {
                continue;
            }
            users.add(new UserInfo(
                    null,
                    participant.userUri(),
                    List.of(new Affiliation(
                            joiner.manager() ? XccosNames.AFFILIATION_MANAGER : XccosNames.AFFILIATION_MEMBER,
                            uri.guid().toString(),
                            uri.domain()))));
        }
        return users.isEmpty() ? null : new Notice(Notice.JOIN, users);
    }

    /**
     * Someone left the room on this node: ntc:part to those who stay, here and, through the pool, on the other
     * nodes, once the user has left with every client it had in the room (on any node). Leavers are gathered per
     * room and told in one notice by the room's lane: when many clients vanish at once the room gets a few notices
     * naming many users, sent to those still there, not one notice per leaver to everyone.
     */
    public void left(String roomUri, Participant leaver) {
        if (pool != null) {
            pool.left(roomUri, leaver);
        }
        leftElsewhere(roomUri, leaver);
    }

    /** Someone left the room on another node of the pool, or with it: ntc:part to those who stay here. */
    @Override
    public void leftElsewhere(String roomUri, Participant leaver) {
        String canonical = RoomUri.canonical(roomUri);
        RoomLine line = line(canonical);
        synchronized (line) {
            line.leaving.add(leaver);
            if (line.leaving.size() > 1) {
                return; // a flush is queued already
            }
        }
        lanes().execute(line.lane, () -> flushLeavers(roomUri, line));
    }

    private void flushLeavers(String roomUri, RoomLine line) {
        List<Participant> leavers;
        synchronized (line) {
            leavers = List.copyOf(line.leaving);
            line.leaving.clear();
        }
        Set<String> stayingUsers = new HashSet<>();
        for (Participant participant : presence.participants(roomUri)) {
            stayingUsers.add(participant.userUri());
        }
        Set<String> stayingSessions = new HashSet<>();
        for (Participant participant : presence.participantsHere(roomUri)) {
            stayingSessions.add(participant.sessionId());
        }
        Set<String> gone = new LinkedHashSet<>();
        for (Participant leaver : leavers) {
            if (!stayingUsers.contains(leaver.userUri())) {
                gone.add(leaver.userUri());
            }
        }
        if (gone.isEmpty() || stayingSessions.isEmpty()) {
            return;
        }
        Notice notice = new Notice(
                Notice.PART,
                List.of(new ChannelUsers(
                        roomUri, gone.stream().map(UserInfo::of).toList())));
        sendTo(line, stayingSessions, notice);
    }

    /** From the room's lane: to these sessions, on their lanes if the room is big. */
    private void sendTo(RoomLine line, Collection<String> sessions, Outbound item) {
        FanOutLanes all = lanes();
        if (!line.big || all.count() == 1) {
            delivery.deliverToAll(sessions, item);
            return;
        }
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < all.count(); i++) {
            batches.add(new ArrayList<>());
        }
        for (String session : sessions) {
            batches.get(all.laneOf(session)).add(session);
        }
        for (int i = 0; i < batches.size(); i++) {
            List<String> batch = batches.get(i);
            if (!batch.isEmpty()) {
                all.execute(i, () -> delivery.deliverToAll(batch, item));
            }
        }
    }

    /**
     * Takes a participant out of the room because they may no longer read it (an access change). Under the
     * room's lock, so a post being delivered reaches them entirely or not at all, and no later one does: that
     * is delivery's guard, with no look-up per recipient and post. The participant gets ntc:part naming
     * themselves [INF: XCCOS has no notice of being removed; a part notice is the closest. SIPE takes the user
     * off the room's list, and the server refuses what the client sends to the room from then on], and those who
     * stay get ntc:part as when someone leaves.
     *
     * @return false when the participant was not in the room (nothing sent)
     */
    public boolean evict(String roomUri, Participant participant) {
        String canonical = RoomUri.canonical(roomUri);
        RoomLine line = line(canonical);
        if (!presence.leave(roomUri, participant)) {
            return false;
        }
        sendToOne(line, participant.sessionId(), partNotice(roomUri, participant));
        left(roomUri, participant);
        return true;
    }

    /**
     * The room changed (its settings, category or add-in): the notice, built once by the caller, to every participant
     * here, on the room's lane after what is queued there before it (posts, joins, parts).
     */
    public void changed(String roomUri, Notice notice) {
        String canonical = RoomUri.canonical(roomUri);
        RoomLine line = line(canonical);
        lanes().execute(line.lane, () -> sendToRoom(canonical, line, notice));
    }

    private static Notice partNotice(String roomUri, Participant leaver) {
        return new Notice(Notice.PART, List.of(new ChannelUsers(roomUri, List.of(UserInfo.of(leaver.userUri())))));
    }

    private boolean presentElsewhere(String roomUri, Participant participant) {
        return presence.participants(roomUri).stream()
                .anyMatch(other -> other.userUri().equals(participant.userUri())
                        && !other.sessionId().equals(participant.sessionId()));
    }
}
