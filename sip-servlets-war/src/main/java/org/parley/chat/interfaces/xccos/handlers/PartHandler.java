package org.parley.chat.interfaces.xccos.handlers;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.RoomService;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.RoomPresence;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.chat.interfaces.xccos.RoomFanOut;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;

/**
 * cmd:part (PROTOCOL.md §7.7): the client leaves the room; the reply echoes the room URI exactly as
 * sent (SIPE compares it byte for byte); those who stay get ntc:part. The room stays followed:
 * leaving a conversation is not unfollowing it.
 */
@ApplicationScoped
public class PartHandler implements CommandHandler<Command.Part> {

    @Inject
    RoomPresence presence;

    @Inject
    RoomFanOut fanOut;

    @Inject
    RoomService rooms;

    @Override
    public Class<Command.Part> commandType() {
        return Command.Part.class;
    }

    @Override
    public List<Outbound> handle(Command.Part command, ChatClient client) {
        Participant me = new Participant(client.userUri(), client.sessionId());
        if (presence.leave(command.channelUri(), me)) {
            rooms.leave(me.userUri(), command.channelUri());
            fanOut.left(command.channelUri(), me);
        }
        return List.of(Reply.ok(command, ChannelInfo.uriOnly(command.channelUri())));
    }
}
