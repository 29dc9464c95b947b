package org.parley.chat.interfaces.xccos.handlers;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.RoomService;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.RoomPresence;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.chat.interfaces.xccos.FollowersOutside;
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

    private static final Logger LOG = Logger.getLogger(PartHandler.class.getName());

    @Inject
    RoomPresence presence;

    @Inject
    RoomFanOut fanOut;

    @Inject
    FollowersOutside followersOutside;

    @Inject
    RoomService rooms;

    @Override
    public Class<Command.Part> commandType() {
        return Command.Part.class;
    }

    @Override
    public List<Outbound> handle(Command.Part command, ChatClient client) {
        Participant me = new Participant(client.userUri(), client.sessionId());
        String room = RoomUri.canonical(command.channelUri());
        if (presence.leave(room, me)) {
            fanOut.left(room, me);
            followersOutside.left(room, me.userUri(), me.sessionId());
            try {
                rooms.leave(me.userUri(), room);
            } catch (RuntimeException e) {
                // The client has left whatever the record says; answering otherwise would keep its room open.
                LOG.log(Level.WARNING, e, () -> "no compliance record of " + me.userUri() + " leaving " + room);
            }
        }
        return List.of(Reply.ok(command, ChannelInfo.uriOnly(command.channelUri())));
    }
}
