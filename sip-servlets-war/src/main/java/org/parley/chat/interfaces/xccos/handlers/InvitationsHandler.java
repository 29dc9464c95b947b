package org.parley.chat.interfaces.xccos.handlers;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.InvitationService;
import org.parley.chat.application.dto.InvitationView;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem;
import org.parley.xccos.DataItem.InvitationInfo;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;

/**
 * cmd:getinv (docs/protocol/xccos.md §7.3): the user's invitations with an id above the one the client names,
 * one inv each [INF shape]. Handing them over settles nothing: the inviteId is the client's own
 * acknowledgement (it names the last it has), so the user's other clients, and a client whose reply was
 * lost, get them too. An invitation is settled when the user enters its room (JoinHandler). SIPE always
 * names 1 and ignores the reply.
 */
@ApplicationScoped
public class InvitationsHandler implements CommandHandler<Command.GetInvitations> {

    @Inject
    InvitationService invitations;

    @Override
    public Class<Command.GetInvitations> commandType() {
        return Command.GetInvitations.class;
    }

    @Override
    public List<Outbound> handle(Command.GetInvitations command, ChatClient client) {
        List<DataItem> items = new ArrayList<>();
        for (InvitationView invitation : invitations.pending(client.userUri(), command.afterInvitationId())) {
            items.add(new InvitationInfo(
                    invitation.id(),
                    invitation.roomUri(),
                    invitation.roomName(),
                    invitation.inviter(),
                    invitation.invitedAt()));
        }
        return List.of(Reply.ok(command, items));
    }
}
