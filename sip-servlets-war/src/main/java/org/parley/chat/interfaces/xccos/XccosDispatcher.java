package org.parley.chat.interfaces.xccos;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.parley.xccos.Command;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;

/**
 * Routes each command to its handler and turns every failure into an error reply: a client never
 * meets silence (docs/protocol/xccos.md §7.9), and one bad command never affects the next.
 */
@ApplicationScoped
public class XccosDispatcher {

    @Inject
    @Any
    Instance<CommandHandler<?>> handlerBeans;

    private final Map<Class<?>, CommandHandler<?>> handlers = new HashMap<>();

    @PostConstruct
    void collect() {
        for (CommandHandler<?> handler : handlerBeans) {
            if (handlers.put(handler.commandType(), handler) != null) {
                throw new IllegalStateException(
                        "two handlers for " + handler.commandType().getSimpleName());
            }
        }
    }

    public List<Outbound> dispatch(Command command, ChatClient client) {
        CommandHandler<?> handler = handlers.get(command.getClass());
        if (handler == null) {
            return List.of(
                    Reply.error(command, Result.notImplemented("Command " + command.id() + " is not supported")));
        }
        try {
            return invoke(handler, command, client);
        } catch (RuntimeException e) {
            // ChatErrors logs a 5xx, once, under the correlation id the reply carries.
            return List.of(
                    Reply.error(command, ChatErrors.toResult(e, () -> command.id() + " from " + client.userUri())));
        }
    }

    @SuppressWarnings("unchecked")
    private static <C extends Command> List<Outbound> invoke(
            CommandHandler<C> handler, Command command, ChatClient client) {
        return handler.handle((C) command, client);
    }
}
