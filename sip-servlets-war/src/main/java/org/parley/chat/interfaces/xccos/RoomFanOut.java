package org.parley.chat.interfaces.xccos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.RoomPresence;
import org.parley.xccos.ChatMessage;
import org.parley.xccos.DataItem.Affiliation;
import org.parley.xccos.DataItem.ChannelUsers;
import org.parley.xccos.DataItem.UserInfo;
import org.parley.xccos.Notice;
import org.parley.xccos.XccosNames;

/**
 * Tells a room's online participants what happens in it: posts (to everyone, the author included:
 * clients show their own post only from this echo, PROTOCOL.md §7.8) and who enters and leaves.
 *
 * <p>Posts come from the one road ({@link #posted}), SIP and web alike, each once, and are fanned out under one
 * lock per room, so every participant gets them in the order of their sequence numbers. On one node the road
 * already hands a room's posts over in that order; each room still remembers the last sequence number delivered
 * in it, so that a post is never delivered twice, and a post whose predecessor has not been delivered yet waits for
 * it (the room lock released meanwhile), at most {@link #GAP_WAIT}: then it goes anyway. That is the per-room
 * sequencer a pool of nodes needs, where posts from other nodes come over a topic that keeps no order across
 * publishers.
 */
@ApplicationScoped
public class RoomFanOut {

    /**
     * How long a post waits for its predecessor. On one node it never waits (the road keeps the order); in a pool,
     * far above a clustered topic's usual delay (milliseconds), short enough that a lost event does not hold up
     * the room for long.
     */
    static final Duration GAP_WAIT = Duration.ofMillis(500);

    private static final Logger LOG = Logger.getLogger(RoomFanOut.class.getName());

    @Inject
    RoomPresence presence;

    @Inject
    ClientDelivery delivery;

    private final Map<String, RoomLine> lines = new ConcurrentHashMap<>();

    /** One room's lock (the object itself) and the last sequence number delivered in it on this node. */
    private static final class RoomLine {
        boolean started;
        long delivered;
    }

    /**
     * A stored post from the road, delivered to the room's participants on this node, in the room's order, once.
     * Runs on the publisher's thread; sending is asynchronous.
     */
    public void posted(MessageView message) {
        String roomUri = RoomUris.canonical(message.roomUri());
        RoomLine line = line(roomUri);
        synchronized (line) {
            deliverInOrder(line, roomUri, message);
        }
    }

    private RoomLine line(String roomUri) {
        return lines.computeIfAbsent(roomUri, k -> new RoomLine());
    }

    /** Called holding the line's lock. */
    private void deliverInOrder(RoomLine line, String roomUri, MessageView message) {
        if (line.started && message.seq() <= line.delivered) {
            LOG.fine(() -> roomUri + ": post " + message.seq() + " already delivered");
            return;
        }
        awaitPredecessor(line, roomUri, message.seq());
        ChatMessage chat = new ChatMessage(message.roomUri(), message.author(), message.serverTime(), message.text());
        for (Participant participant : presence.participants(roomUri)) {
            delivery.deliver(participant.sessionId(), chat);
        }
        line.started = true;
        line.delivered = Math.max(line.delivered, message.seq());
        line.notifyAll();
    }

    /**
     * Waits (the lock released meanwhile) until the post numbered just before {@code seq} has been delivered.
     * The first post a room sees on this node waits for nothing: what came before it is history.
     */
    private void awaitPredecessor(RoomLine line, String roomUri, long seq) {
        if (!line.started) {
            return;
        }
        long deadline = System.nanoTime() + GAP_WAIT.toNanos();
        while (line.delivered < seq - 1) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.fine(() -> roomUri + ": post " + seq + " delivered without " + (line.delivered + 1) + ".."
                        + (seq - 1) + ", not arrived within " + GAP_WAIT);
                return;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(line, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * ntc:join to the others in the room (PROTOCOL.md §8, REAL-CLIENT.md appendix B). Notices name
     * users, not clients: a user already in the room through another client is not announced again.
     */
    public void entered(String roomUri, Participant newcomer, boolean manager) {
        if (presentElsewhere(roomUri, newcomer)) {
            return;
        }
        RoomUris uri = RoomUris.parse(roomUri);
        Notice notice = new Notice(Notice.JOIN, List.of(new UserInfo(null, newcomer.userUri(), List.of(
                new Affiliation(manager ? XccosNames.AFFILIATION_MANAGER : XccosNames.AFFILIATION_MEMBER,
                        uri.guid(), uri.domain())))));
        notifyOthers(roomUri, newcomer, notice);
    }

    /** ntc:part to those who stay, once the user has left with every client it had in the room. */
    public void left(String roomUri, Participant leaver) {
        if (presentElsewhere(roomUri, leaver)) {
            return;
        }
        notifyOthers(roomUri, leaver, partNotice(roomUri, leaver));
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
        RoomLine line = line(roomUri);
        synchronized (line) {
            if (!presence.leave(roomUri, participant)) {
                return false;
            }
            delivery.deliver(participant.sessionId(), partNotice(roomUri, participant));
            left(roomUri, participant);
            return true;
        }
    }

    private static Notice partNotice(String roomUri, Participant leaver) {
        return new Notice(Notice.PART, List.of(new ChannelUsers(roomUri, List.of(UserInfo.of(leaver.userUri())))));
    }

    private boolean presentElsewhere(String roomUri, Participant participant) {
        return presence.participants(roomUri).stream().anyMatch(other -> other.userUri().equals(participant.userUri())
                && !other.sessionId().equals(participant.sessionId()));
    }

    private void notifyOthers(String roomUri, Participant subject, Notice notice) {
        for (Participant participant : presence.participants(roomUri)) {
            if (!participant.sessionId().equals(subject.sessionId())) {
                delivery.deliver(participant.sessionId(), notice);
            }
        }
    }
}
