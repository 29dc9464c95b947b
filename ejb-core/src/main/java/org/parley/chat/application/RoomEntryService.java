package org.parley.chat.application;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import org.parley.chat.application.dto.EnteredRoom;
import org.parley.chat.application.dto.RoomView;

/**
 * Entering a room (XCCOS join), one call and one transaction: the join rule and its compliance record, the follow,
 * the user's invitations to the room settled, and who among those present manages it. Before, a join was four
 * calls and four commits; a thousand users entering one room waited on each.
 */
@Stateless
public class RoomEntryService {

    @EJB
    RoomService rooms;

    @EJB
    FollowService follows;

    @EJB
    InvitationService invitations;

    public RoomEntryService() {}

    /** Wired by hand, for tests outside a container. */
    public RoomEntryService(RoomService rooms, FollowService follows, InvitationService invitations) {
        this.rooms = rooms;
        this.follows = follows;
        this.invitations = invitations;
    }

    /**
     * @param present the users in the room now on the chat nodes; the newcomer is added
     * @param again whether the session is already in the room: checked and answered again, no second JOIN recorded
     * @throws org.parley.chat.domain.shared.ChatException when the user may not join (nothing is changed)
     */
    public EnteredRoom enter(String userUri, String roomUri, Collection<String> present, boolean again) {
        RoomView room = again ? rooms.joinAgain(userUri, roomUri) : rooms.join(userUri, roomUri);
        Set<String> everyone = new LinkedHashSet<>(present);
        everyone.add(userUri);
        Set<String> managers = rooms.managersAmong(userUri, room.uri(), everyone);
        invitations.accepted(userUri, room.uri());
        // Last: a first follow takes the room's row lock, which every other first follow and every post of the
        // room waits for until this transaction commits. Asked after it, the managers among those present (a pass
        // over everyone in the room) held up a thousand users entering one room, one after the other.
        follows.follow(userUri, room.uri());
        return new EnteredRoom(room, managers);
    }
}
