package org.parley.chat.interfaces.xccos.handlers;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.CategoryService;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.xccos.Command;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;

/**
 * cmd:nodespermcreatechild (docs/protocol/xccos.md §7.9): may the user create rooms? The logged reply is 200 SUCCESS_OK with
 * an empty data element; a user who may not gets 403 with the reason [INF: no refusal was captured].
 */
@ApplicationScoped
public class CreatePermissionHandler implements CommandHandler<Command.CreatePermission> {

    @Inject
    CategoryService categories;

    @Override
    public Class<Command.CreatePermission> commandType() {
        return Command.CreatePermission.class;
    }

    @Override
    public List<Outbound> handle(Command.CreatePermission command, ChatClient client) {
        if (categories.mayCreateRooms(client.userUri())) {
            return List.of(Reply.ok(command));
        }
        return List.of(Reply.error(command, Result.forbidden("You may not create rooms in any category")));
    }
}
