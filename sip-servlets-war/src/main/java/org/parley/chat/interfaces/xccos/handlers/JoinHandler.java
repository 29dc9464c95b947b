package org.parley.chat.interfaces.xccos.handlers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.occupancy.RoomEntry;
import org.parley.chat.application.occupancy.RoomOccupancy;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.ChatErrors;
import org.parley.chat.interfaces.xccos.CommandHandler;
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
 * cmd:join and cmd:bjoin (docs/protocol/xccos.md §7.5): the user enters each room it may join ({@link RoomOccupancy#enter}:
 * the room followed, the user's invitations to it settled, ntc:join to the others); the reply lists the
 * participants online as uib (numbered) and each room as chanib with aib lists of those numbers, members (3984)
 * and managers (12276) apart. A bjoin answers a room it cannot enter with a fib and enters the rest; a join of one
 * such room is an error reply.
 */
@ApplicationScoped
public class JoinHandler implements CommandHandler<Command.Join> {

    @Inject
    RoomOccupancy occupancy;

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
                rooms.add(channelInfo(occupancy.enter(me, channel.uri()), userIds));
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

    /** The room as chanib, its listed users numbered in this reply's uib order (first use across rooms). */
    private static ChannelInfo channelInfo(RoomEntry entry, Map<String, Integer> userIds) {
        List<String> memberIds = new ArrayList<>();
        List<String> managerIds = new ArrayList<>();
        for (String user : entry.listed()) {
            String id = Integer.toString(userIds.computeIfAbsent(user, k -> userIds.size()));
            (entry.manages(user) ? managerIds : memberIds).add(id);
        }
        List<Affiliation> affiliations = new ArrayList<>();
        if (!memberIds.isEmpty()) {
            affiliations.add(new Affiliation(XccosNames.AFFILIATION_MEMBER, String.join(",", memberIds), null));
        }
        if (!managerIds.isEmpty()) {
            affiliations.add(new Affiliation(XccosNames.AFFILIATION_MANAGER, String.join(",", managerIds), null));
        }
        RoomView room = entry.room();
        return new ChannelInfo(
                room.uri(), room.name(), null, room.topic(), List.of(), List.of(), affiliations, List.of());
    }
}
