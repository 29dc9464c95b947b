package org.parley.chat.domain.model.invitation;

import java.util.List;
import java.util.Optional;

import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.SipUri;

public interface InvitationRepository {

    Optional<Invitation> find(long id);

    /** The invitee's unseen invitation to the room, if any: inviting again does not make another. */
    Optional<Invitation> findPending(Room room, SipUri invitee);

    /** The invitee's unseen invitations with an id above {@code afterId}, by id. */
    List<Invitation> pendingFor(SipUri invitee, long afterId);

    void add(Invitation invitation);
}
