package org.parley.chat.interfaces.xccos.handlers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.RoomEntryService;
import org.parley.chat.application.dto.EnteredRoom;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.RoomPresence;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.ChatErrors;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.chat.interfaces.xccos.FollowersOutside;
import org.parley.chat.interfaces.xccos.RoomFanOut;
import org.parley.xccos.ChannelId;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem;
import org.parley.xccos.DataItem.Affiliation;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.DataItem.FailureInfo;
import org.parley.xccos.DataItem.UserInfo;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;
import org.parley.xccos.XccosNames;

/**
 * cmd:join and cmd:bjoin (PROTOCOL.md §7.5): the user enters each room it may join; the reply lists
 * the participants online as uib (numbered) and each room as chanib with aib lists of those numbers,
 * members (3984) and managers (12276) apart. A bjoin answers a room it cannot enter with a fib and
 * enters the rest; a join of one such room is an error reply. Entering also follows the room, so
 * every client of the user finds it in getassociations, and settles the user's invitations to it (getinv
 * stops listing them); the others in the room get ntc:join.
 */
@ApplicationScoped
public class JoinHandler implements CommandHandler<Command.Join> {

    @Inject
    RoomEntryService entries;

    @Inject
    RoomPresence presence;

    @Inject
    ChatConfiguration configuration;

    @Inject
    RoomFanOut fanOut;

    @Inject
    FollowersOutside followersOutside;

    @Override
    public Class<Command.Join> commandType() {
        return Command.Join.class;
    }

    @Override
    public List<Outbound> handle(Command.Join command, ChatClient client) {
        Participant me = new Participant(client.userUri(), client.sessionId());
        Map<String, Integer> userIds = new LinkedHashMap<>();
        List<DataItem> rooms = new ArrayList<>();
        for (ChannelId channel : command.channels()) {
            try {
                rooms.add(enter(channel.uri(), me, userIds));
            } catch (ChatException refused) {
                if (!command.batch()) {
                    return List.of(Reply.error(command, ChatErrors.toResult(refused)));
                }
                rooms.add(new FailureInfo(XccosNames.FAILURE_OPERATION_FAILED, channel.value(), channel.domain()));
            }
        }
        List<DataItem> data = new ArrayList<>();
        userIds.forEach((uri, id) -> data.add(UserInfo.numbered(id, uri)));
        data.addAll(rooms);
        return List.of(Reply.ok(command, data));
    }

    private ChannelInfo enter(String roomUri, Participant me, Map<String, Integer> userIds) {
        String canonical = RoomUri.canonical(roomUri);
        // One call, one transaction: join rule, follow, invitations, and the managers among those present (by the
        // room's rule, not the listed URIs: a manager may be one through a group or a domain).
        EnteredRoom entry = entries.enter(me.userUri(), roomUri, usersIn(canonical));
        RoomView room = entry.room();
        fanOut.storedUpTo(room.uri(), room.lastMessageSeq());
        boolean entered = presence.enter(room.uri(), me);
        followersOutside.entered(room.uri(), me.sessionId());
        List<String> present = listed(usersIn(room.uri()), me.userUri());
        Set<String> managers = entry.managers();
        List<String> memberIds = new ArrayList<>();
        List<String> managerIds = new ArrayList<>();
        for (String user : present) {
            String id = Integer.toString(userIds.computeIfAbsent(user, k -> userIds.size()));
            (managers.contains(user) ? managerIds : memberIds).add(id);
        }
        List<Affiliation> affiliations = new ArrayList<>();
        if (!memberIds.isEmpty()) {
            affiliations.add(new Affiliation(XccosNames.AFFILIATION_MEMBER, String.join(",", memberIds), null));
        }
        if (!managerIds.isEmpty()) {
            affiliations.add(new Affiliation(XccosNames.AFFILIATION_MANAGER, String.join(",", managerIds), null));
        }
        if (entered) {
            fanOut.entered(room.uri(), me, managers.contains(me.userUri()));
        }
        return new ChannelInfo(room.uri(), room.name(), null, room.topic(), List.of(), List.of(), affiliations, List.of());
    }

    /**
     * The participants a reply lists: at most the server's participant-list limit (Lync listed 75 to a client), the
     * joining user always among them, then the others in order. Everyone in the room still reaches everyone.
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
        return presence.participants(roomUri).stream().map(Participant::userUri).distinct().sorted().toList();
    }
}
