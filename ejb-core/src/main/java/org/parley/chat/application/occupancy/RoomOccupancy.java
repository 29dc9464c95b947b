package org.parley.chat.application.occupancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.RoomEntryService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.EnteredRoom;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.RoomPresence;

/**
 * Entering and leaving rooms, for every transport (XCCOS join, part and a dialog's end today; the web's enter and
 * leave next, docs/web-chat.md): one place owns the order of the steps, so a transport only translates its
 * request and its answer.
 * <ul>
 * <li>enter: the rights and the store's record in one transaction (join rule, follow, invitations settled, the
 * managers among those present, compliance JOIN), the room's line of posts started ({@link
 * OccupancyNotices#entering}), presence, then the others told ({@link OccupancyNotices#entered});</li>
 * <li>leave: presence, those who stay told, compliance PART;</li>
 * <li>leave all (the session ended): presence, those who stay told in each room, every PART in one call.</li>
 * </ul>
 * A session already in a room that enters it again is answered again, and nothing is told or recorded; one that
 * leaves a room it is not in changes nothing: the compliance record has one JOIN and one PART per stay.
 */
@ApplicationScoped
public class RoomOccupancy {

    private static final Logger LOG = Logger.getLogger(RoomOccupancy.class.getName());

    @Inject
    RoomEntryService entries;

    @Inject
    RoomService rooms;

    @Inject
    RoomPresence presence;

    @Inject
    ChatConfiguration configuration;

    private final CopyOnWriteArrayList<OccupancyNotices> notices = new CopyOnWriteArrayList<>();

    public RoomOccupancy() {}

    /** Wired by hand, for tests outside a container. */
    public RoomOccupancy(
            RoomEntryService entries, RoomService rooms, RoomPresence presence, ChatConfiguration configuration) {
        this.entries = entries;
        this.rooms = rooms;
        this.presence = presence;
        this.configuration = configuration;
    }

    /** Registers the node's delivery of join and part notices; called at start (once counts, however often). */
    public void tell(OccupancyNotices delivery) {
        notices.addIfAbsent(delivery);
    }

    /**
     * The participant's session enters the room.
     *
     * @param roomUri as the client named it (domains and GUIDs compare without case)
     * @throws org.parley.chat.domain.shared.ChatException when the user may not enter (nothing is changed)
     */
    public RoomEntry enter(Participant participant, String roomUri) {
        String canonical = canonical(roomUri);
        // A session's requests come one at a time, so whether it is already in the room cannot change meanwhile.
        boolean again = presence.isPresent(canonical, participant.sessionId());
        // One call, one transaction: join rule, follow, invitations, and the managers among those present (by the
        // room's rule, not the listed URIs: a manager may be one through a group or a domain).
        EnteredRoom entry = entries.enter(participant.userUri(), roomUri, usersIn(canonical), again);
        RoomView room = entry.room();
        for (OccupancyNotices delivery : notices) {
            delivery.entering(room.uri(), room.lastMessageSeq());
        }
        boolean entered = presence.enter(room.uri(), participant);
        List<String> listed = listed(usersIn(room.uri()), participant.userUri());
        if (entered) {
            boolean manager = entry.managers().contains(participant.userUri());
            for (OccupancyNotices delivery : notices) {
                delivery.entered(room.uri(), participant, manager);
            }
        }
        return new RoomEntry(room, listed, entry.managers(), entered);
    }

    /**
     * The participant's session leaves the room.
     *
     * @return false when it was not in the room (nothing told, nothing recorded)
     */
    public boolean leave(Participant participant, String roomUri) {
        String room = canonical(roomUri);
        if (!presence.leave(room, participant)) {
            return false;
        }
        for (OccupancyNotices delivery : notices) {
            delivery.left(room, participant);
        }
        try {
            rooms.leave(participant.userUri(), room);
        } catch (RuntimeException e) {
            // The client has left whatever the record says; answering otherwise would keep its room open.
            LOG.log(Level.WARNING, e, () -> "no compliance record of " + participant.userUri() + " leaving " + room);
        }
        return true;
    }

    /**
     * The participant's session ended: it leaves every room it was in. Those who stay are told on each room's lane,
     * merged with others leaving at the same moment, and the store records all its parts in one call.
     *
     * @return the rooms it left
     */
    public Set<String> leaveAll(Participant participant) {
        Set<String> left = presence.leaveAll(participant.sessionId());
        for (String room : left) {
            for (OccupancyNotices delivery : notices) {
                delivery.left(room, participant);
            }
        }
        if (!left.isEmpty()) {
            try {
                rooms.leftAll(participant.userUri(), left);
            } catch (RuntimeException gone) {
                LOG.fine(() -> "no compliance record of " + participant.userUri() + " leaving " + left + ": "
                        + gone.getMessage());
            }
        }
        return left;
    }

    /**
     * The users a reply lists: at most the server's participant-list limit (Lync listed 75 to a client), the
     * entering user always among them, then the others in order. Everyone in the room still reaches everyone.
     */
    private List<String> listed(List<String> present, String me) {
        int limit = configuration.participantListLimit();
        if (present.size() <= limit) {
            return present;
        }
        List<String> listed = new ArrayList<>(limit);
        listed.add(me);
        for (String user : present) {
            if (listed.size() == limit) {
                break;
            }
            if (!user.equals(me)) {
                listed.add(user);
            }
        }
        return listed;
    }

    private List<String> usersIn(String roomUri) {
        return presence.participants(roomUri).stream()
                .map(Participant::userUri)
                .distinct()
                .sorted()
                .toList();
    }

    /** The form presence keys rooms by, as the store keeps them (domains and GUIDs compare without case). */
    private static String canonical(String roomUri) {
        return roomUri == null ? null : roomUri.trim().toLowerCase(Locale.ROOT);
    }
}
