package org.parley.chat.interfaces.xccos;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.xccos.Command;
import org.parley.xccos.DataItem.UserInfo;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;

/**
 * cmd:requri, the lookup step: tells the client the URI of the chat endpoint it should INVITE
 * next. SIPE does nothing until this arrives (docs/protocol/xccos.md §3.1, §7.1).
 */
@ApplicationScoped
public class RequestUriHandler implements CommandHandler<Command.RequestUri> {

    @Inject
    ChatEndpoints endpoints;

    @Override
    public Class<Command.RequestUri> commandType() {
        return Command.RequestUri.class;
    }

    @Override
    public List<Outbound> handle(Command.RequestUri command, ChatClient client) {
        return List.of(Reply.ok(command, UserInfo.of(endpoints.chatEndpointUri())));
    }
}
