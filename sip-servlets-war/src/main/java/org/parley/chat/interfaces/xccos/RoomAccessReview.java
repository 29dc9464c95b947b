package org.parley.chat.interfaces.xccos;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.RoomService;
import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.presence.OnlineClients;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.RoomPresence;
import org.parley.chat.domain.model.room.RoomUri;

/**
 * Acts on an access change (a member removed, a room made secret or disabled, a category's lists or a user's
 * policy changed): re-checks the participants online on this node that the change concerns against the read
 * rule of history reads (one call to the chat service) and evicts, at once, those who may no longer read
 * ({@link RoomFanOut#evict}). Their follows the change itself has ended in the store.
 */
@ApplicationScoped
public class RoomAccessReview {

    private static final Logger LOG = Logger.getLogger(RoomAccessReview.class.getName());

    @Inject
    RoomPresence presence;

    @Inject
    OnlineClients online;

    @Inject
    RoomService rooms;

    @Inject
    RoomFanOut fanOut;

    public void changed(AccessChange change) {
        Map<String, Set<Participant>> concerned = concerned(change);
        if (concerned.isEmpty()) {
            return;
        }
        Map<String, Set<String>> usersByRoom = new HashMap<>();
        concerned.forEach((room, participants) -> participants.forEach(participant ->
                usersByRoom.computeIfAbsent(room, k -> new HashSet<>()).add(participant.userUri())));
        rooms.mayNoLongerRead(usersByRoom, change.categoryUri()).forEach((room, users) -> {
            for (Participant participant : concerned.get(room)) {
                if (users.contains(participant.userUri()) && fanOut.evict(room, participant)) {
                    recordLeaving(participant.userUri(), room);
                }
            }
        });
    }

    /** The participants online here whom the change may concern, by room. */
    private Map<String, Set<Participant>> concerned(AccessChange change) {
        Map<String, Set<Participant>> concerned = new HashMap<>();
        if (change.roomUri() != null) {
            String room = RoomUri.canonical(change.roomUri());
            Set<Participant> participants = presence.participantsHere(room);
            if (!participants.isEmpty()) {
                concerned.put(room, participants);
            }
        } else if (change.userUri() != null) {
            for (String session : online.sessionsOf(change.userUri())) {
                for (String room : presence.roomsOf(session)) {
                    concerned
                            .computeIfAbsent(room, k -> new HashSet<>())
                            .add(new Participant(change.userUri(), session));
                }
            }
        } else {
            // A category (the service skips rooms of other categories) or everyone: every room with someone here.
            for (String room : presence.rooms()) {
                Set<Participant> participants = presence.participantsHere(room);
                if (!participants.isEmpty()) {
                    concerned.put(room, participants);
                }
            }
        }
        return concerned;
    }

    private void recordLeaving(String user, String room) {
        try {
            rooms.leave(user, room);
        } catch (RuntimeException e) {
            // Evicted whatever the record says.
            LOG.log(Level.WARNING, e, () -> "no compliance record of " + user + " leaving " + room);
        }
    }
}
