package org.parley.chat.interfaces.xccos.handlers;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.RoomService;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.chat.interfaces.xccos.RoomInfos;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;

/**
 * cmd:chansrch (docs/protocol/xccos.md §7.4): rooms the user may see whose name contains the criteria (all of
 * them for an empty one), in one reply, at most the advertised search limit. Secret rooms appear only
 * to their members; closed ones to everyone the category allows.
 */
@ApplicationScoped
public class ChannelSearchHandler implements CommandHandler<Command.ChannelSearch> {

    @Inject
    RoomService rooms;

    @Inject
    RoomInfos infos;

    @Override
    public Class<Command.ChannelSearch> commandType() {
        return Command.ChannelSearch.class;
    }

    @Override
    public List<Outbound> handle(Command.ChannelSearch command, ChatClient client) {
        List<DataItem> found = rooms.search(client.userUri(), command.criteria()).stream()
                .<DataItem>map(infos::listing)
                .toList();
        return List.of(Reply.ok(command, found));
    }
}
