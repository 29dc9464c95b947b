package org.parley.chat.application.dto.store;

import java.time.Instant;
import java.util.List;

import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;

/**
 * A room with its role lists (principals in written form, sorted) and, on import, its messages by sequence
 * number.
 *
 * @param lastMessageSeq the room's message counter: the next post gets the number after it, also when the
 *                       newest messages were deleted
 * @param retentionDays  the room's own retention: null, its category's; 0, for ever
 * @param addIn          the name of its add-in, or null
 */
public record ExportedRoom(
        String uri,
        String categoryUri,
        String name,
        String description,
        String topic,
        Privacy privacy,
        RoomType type,
        InvitationSetting invitations,
        boolean disabled,
        Instant createdAt,
        long lastMessageSeq,
        List<String> members,
        List<String> managers,
        List<String> presenters,
        List<ExportedMessage> messages,
        Integer retentionDays,
        String addIn) {
    public ExportedRoom {
        members = members == null ? List.of() : List.copyOf(members);
        managers = managers == null ? List.of() : List.copyOf(managers);
        presenters = presenters == null ? List.of() : List.copyOf(presenters);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
