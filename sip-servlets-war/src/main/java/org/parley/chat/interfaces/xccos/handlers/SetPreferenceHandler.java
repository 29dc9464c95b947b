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
 * cmd:setpref (docs/protocol/xccos.md §7.9): stores one of the user's preferences for all their clients (last writer wins,
 * PreferenceService); the reply carries it with its new seqid [INF: reply shape].
 */
@ApplicationScoped
public class SetPreferenceHandler implements CommandHandler<Command.SetPreference> {

    @Inject
    PreferenceService preferences;

    @Override
    public Class<Command.SetPreference> commandType() {
        return Command.SetPreference.class;
    }

    @Override
    public List<Outbound> handle(Command.SetPreference command, ChatClient client) {
        PreferenceView preference = preferences.set(client.userUri(), command.label(), command.content());
        return List.of(Reply.ok(
                command, new DataItem.Preference(preference.label(), preference.seqid(), preference.content())));
    }
}
