package org.parley.chat.interfaces.xccos.handlers;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.HistoryService;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.chat.interfaces.xccos.RoomInfos;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;

/**
 * cmd:bccontext (docs/protocol/xccos.md §7.6): the last N messages of a room, oldest first, as msg
 * id="grpchat"; with our bcq/before form [INF], the N before a message, to page back. Each msg
 * carries its sequence number as msgid for the next page. A room whose category keeps no history
 * answers an empty list.
 */
@ApplicationScoped
public class BackChatHandler implements CommandHandler<Command.BackChatContext> {

    @Inject
    HistoryService history;

    @Inject
    ChatConfiguration configuration;

    @Override
    public Class<Command.BackChatContext> commandType() {
        return Command.BackChatContext.class;
    }

    @Override
    public List<Outbound> handle(Command.BackChatContext command, ChatClient client) {
        int count = command.count() == null ? configuration.backChatDefaultCount() : command.count();
        List<MessageView> messages = command.beforeMessageId() == null
                ? history.last(client.userUri(), command.channelUri(), count)
                : history.before(client.userUri(), command.channelUri(), command.beforeMessageId(), count);
        return List.of(Reply.ok(command, ChannelInfo.history(command.channelUri(), RoomInfos.history(messages))));
    }
}
