package org.parley.chat.interfaces.xccos;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
 * <p>Posts of one room are stored and fanned out under one lock per room, so every participant gets
 * them in the order of their sequence numbers. The chat store serialises posts per room anyway (the
 * room row is locked), so this adds no contention; sending is asynchronous, so the lock is short.
 * A pool of nodes needs a per-room sequencer on the receiving side instead.
 */
@ApplicationScoped
public class RoomFanOut {

    @Inject
    RoomPresence presence;

    @Inject
    ClientDelivery delivery;

    private final Map<String, Object> roomLocks = new ConcurrentHashMap<>();

    /**
     * Runs {@code post} (which stores a message), then {@code accepted} (the transport's answer to the
     * author), then delivers the message, all in room order.
     */
    public MessageView postAndDeliver(String roomUri, Supplier<MessageView> post, Runnable accepted) {
        synchronized (roomLocks.computeIfAbsent(roomUri, k -> new Object())) {
            MessageView message = post.get();
            accepted.run();
            ChatMessage chat = new ChatMessage(message.roomUri(), message.author(), message.serverTime(), message.text());
            for (Participant participant : presence.participants(roomUri)) {
                delivery.deliver(participant.sessionId(), chat);
            }
            return message;
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
        Notice notice = new Notice(Notice.PART, List.of(new ChannelUsers(roomUri, List.of(UserInfo.of(leaver.userUri())))));
        notifyOthers(roomUri, leaver, notice);
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
