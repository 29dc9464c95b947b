package org.parley.chat.interfaces.xccos.handlers;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.occupancy.RoomOccupancy;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;

/**
 * cmd:part (docs/protocol/xccos.md §7.7): the client leaves the room ({@link RoomOccupancy#leave}: those who stay get
 * ntc:part); the reply echoes the room URI exactly as sent (SIPE compares it byte for byte), and is a success even
 * for a room the client was not in (SIPE closes the room only on 200). The room stays followed: leaving a
 * conversation is not unfollowing it.
 */
@ApplicationScoped
public class PartHandler implements CommandHandler<Command.Part> {

    @Inject
    RoomOccupancy occupancy;

    @Override
    public Class<Command.Part> commandType() {
        return Command.Part.class;
    }

    @Override
    public List<Outbound> handle(Command.Part command, ChatClient client) {
        occupancy.leave(new Participant(client.userUri(), client.sessionId()), command.channelUri());
        return List.of(Reply.ok(command, ChannelInfo.uriOnly(command.channelUri())));
    }
}
