package org.parley.chat.interfaces.xccos.handlers;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.CategoryService;
import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.ServerInfo;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;

/**
 * cmd:getserverinfo (docs/protocol/xccos.md §7.2): server time, limits and the root category, and the room management page when
 * one is set (parley.chat.room-management-url; the attribute is [INF], see the codec). Posts are accepted up to the
 * story size limit, so that is also the message size advertised [INF].
 */
@ApplicationScoped
public class ServerInfoHandler implements CommandHandler<Command.GetServerInfo> {

    /** Stands for the chat store's schema generation; changes when a migration changes meaning. */
    static final String DB_VERSION =
            UUID.nameUUIDFromBytes("parley-chat-store-v1".getBytes()).toString();

    @Inject
    CategoryService categories;

    @Inject
    ChatConfiguration configuration;

    @Inject
    Clock clock;

    @Override
    public Class<Command.GetServerInfo> commandType() {
        return Command.GetServerInfo.class;
    }

    @Override
    public List<Outbound> handle(Command.GetServerInfo command, ChatClient client) {
        return List.of(Reply.ok(
                command,
                new ServerInfo(
                        command.infoType(),
                        clock.instant(),
                        configuration.searchLimit(),
                        configuration.storySizeLimit(),
                        configuration.storySizeLimit(),
                        categories.root().uri(),
                        DB_VERSION,
                        configuration.roomManagement().orElse(null))));
    }
}
