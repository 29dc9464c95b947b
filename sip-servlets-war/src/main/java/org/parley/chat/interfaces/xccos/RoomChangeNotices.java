package org.parley.chat.interfaces.xccos;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.events.RoomChange;
import org.parley.chat.application.presence.RoomPresence;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.xccos.Notice;

/**
 * Acts on a room change (its settings, category or add-in; a category's switches): tells the participants online
 * on this node in each room it concerns the room as it now is, in one ntc:chanupd carrying the room's chanib as
 * rpl:chansrch lists it (docs/room-changes.md) [INF: our own notice; SIPE ignores notices it does not know, and
 * shows a new topic only when it joins again]. The notice is built once per room and change and sent on the room's
 * lane ({@link RoomFanOut#changed}), after the posts queued before it. Rooms nobody here is in cost nothing, not
 * even a read of the store.
 *
 * <p>Whoever the change leaves unable to read the room is not told here: the change's access change, heard first,
 * has taken them out ({@link RoomAccessReview}).
 */
@ApplicationScoped
public class RoomChangeNotices {

    @Inject
    RoomPresence presence;

    @Inject
    RoomService rooms;

    @Inject
    RoomInfos infos;

    @Inject
    RoomFanOut fanOut;

    public void changed(RoomChange change) {
        if (change.roomUri() != null) {
            String room = RoomUri.canonical(change.roomUri());
            if (!presence.participantsHere(room).isEmpty()) {
                rooms.current(room).ifPresent(this::tell);
            }
            return;
        }
        for (String room : presence.rooms()) {
            if (presence.participantsHere(room).isEmpty()) {
                continue;
            }
            Optional<RoomView> current = rooms.current(room);
            // Category URIs, like room URIs, compare without case (the store's form is lower case).
            current.filter(view -> view.categoryUri().equalsIgnoreCase(change.categoryUri()))
                    .ifPresent(this::tell);
        }
    }

    private void tell(RoomView room) {
        fanOut.changed(room.uri(), new Notice(Notice.ROOM_CHANGED, List.of(infos.listing(room))));
    }
}
