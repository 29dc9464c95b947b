package org.parley.chat.interfaces.xccos.handlers;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.HistoryService;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.chat.interfaces.xccos.RoomInfos;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;

/**
 * cmd:msgsrch [INF: our own command, docs/protocol/xccos.md has none]: full-text, case-insensitive search of
 * message history in the rooms the user may read (or one room, qib/@chanUri), newest first, each hit
 * as a msg id="grpchat" with its msgid. Request:
 * {@code <cmd id="cmd:msgsrch" seqid="1"><data><qib criteria="deploy" chanUri="ma-chan://…" limit="50"/></data></cmd>}
 */
@ApplicationScoped
public class MessageSearchHandler implements CommandHandler<Command.MessageSearch> {

    @Inject
    HistoryService history;

    @Override
    public Class<Command.MessageSearch> commandType() {
        return Command.MessageSearch.class;
    }

    @Override
    public List<Outbound> handle(Command.MessageSearch command, ChatClient client) {
        List<DataItem> hits = List.copyOf(RoomInfos.history(
                history.search(client.userUri(), command.text(), command.channelUri(), command.limit())));
        return List.of(Reply.ok(command, hits));
    }
}
