package org.parley.chat.interfaces.xccos;

import java.util.List;

import org.parley.xccos.Command;
import org.parley.xccos.Outbound;

/**
 * One XCCOS command's handler (the Apache James protocols pattern): syntax already checked by the
 * codec, it authorises, calls the chat services and returns the ready reply (and, rarely, more).
 * Handlers are CDI beans; {@link XccosDispatcher} finds them by {@link #commandType()}.
 */
public interface CommandHandler<C extends Command> {

    Class<C> commandType();

    List<Outbound> handle(C command, ChatClient client);
}
