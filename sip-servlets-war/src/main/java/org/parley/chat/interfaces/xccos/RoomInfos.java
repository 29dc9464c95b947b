package org.parley.chat.interfaces.xccos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.presence.RoomPresence;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.DataItem.HistoryMessage;
import org.parley.xccos.DataItem.Property;
import org.parley.xccos.XccosNames;

/** Rooms and messages as XCCOS shows them (chanib, msg). */
@ApplicationScoped
public class RoomInfos {

    @Inject
    RoomPresence presence;

    /**
     * The chanib of search results, associations and room changes (docs/protocol/xccos.md §7.4, docs/room-changes.md): the
     * room's whole description, one shape wherever a client learns it.
     */
    public ChannelInfo listing(RoomView room) {
        List<Property> infos = new ArrayList<>(List.of(
                new Property(XccosNames.INFO_USER_COUNT, Integer.toString(presence.count(room.uri()))),
                new Property(XccosNames.INFO_VISIBILITY, visibility(room.privacy())),
                new Property(XccosNames.INFO_TYPE, room.type().name().toLowerCase(Locale.ROOT))));
        if (room.addInUrl() != null) {
            infos.add(new Property(XccosNames.INFO_ADD_IN, room.addInUrl()));
        }
        List<Property> props = List.of(
                new Property(XccosNames.PROP_INVITE, Boolean.toString(room.invitationsEnabled())),
                new Property(XccosNames.PROP_LOGGED, Boolean.toString(room.historyEnabled())),
                new Property(XccosNames.PROP_FILE_POST, Boolean.toString(room.fileUploadAllowed())));
        return new ChannelInfo(
                room.uri(), room.name(), room.description(), room.topic(), infos, props, List.of(), List.of());
    }

    /**
     * [INF] SIPE knows "private" (shown as such) and treats anything else as public; we name our
     * three privacies, closed and secret rooms both being private to their members.
     */
    static String visibility(Privacy privacy) {
        return switch (privacy) {
            case OPEN -> "open";
            case CLOSED, SECRET -> "private";
        };
    }

    public static List<HistoryMessage> history(List<MessageView> messages) {
        List<HistoryMessage> items = new ArrayList<>(messages.size());
        for (MessageView message : messages) {
            items.add(new HistoryMessage(
                    message.roomUri(), message.author(), message.serverTime(), message.text(), message.seq()));
        }
        return items;
    }
}
