package org.parley.chat.interfaces.xccos.handlers;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.PreferenceService;
import org.parley.chat.application.dto.PreferenceView;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;

/**
 * cmd:getpref (docs/protocol/xccos.md §7.9): one of the user's preferences, the same for all their clients; with
 * createdefault="true" an empty one is made when there is none, else 404.
 */
@ApplicationScoped
public class GetPreferenceHandler implements CommandHandler<Command.GetPreference> {

    @Inject
    PreferenceService preferences;

    @Override
    public Class<Command.GetPreference> commandType() {
        return Command.GetPreference.class;
    }

    @Override
    public List<Outbound> handle(Command.GetPreference command, ChatClient client) {
        PreferenceView preference = preferences.get(client.userUri(), command.label(), command.createDefault());
        return List.of(Reply.ok(
                command, new DataItem.Preference(preference.label(), preference.seqid(), preference.content())));
    }
}
