package org.parley.chat.interfaces.xccos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.presence.PoolPresence;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.interfaces.xccos.handlers.JoinHandler;
import org.parley.xccos.ChannelId;
import org.parley.xccos.Command;
import org.parley.xccos.CommandRef;
import org.parley.xccos.Outbound;

/**
 * Puts a user whose node died back in the rooms it was in there, when its client starts a chat session on this
 * node (PoolPresence keeps those rooms for a while). pidgin-sipe connects to the chat service again after its
 * dialog died (a 481 from the front end) but does not join its rooms again; it takes an {@code rpl:bjoin} it did
 * not ask for as a rejoin of the rooms it still shows (sipe-groupchat.c handles replies by their id, not their
 * command). The rooms are entered under today's rules, each refused one reported as a failure in the reply, as a
 * {@code cmd:bjoin} would be. [INF: XCCOS has no server-initiated join; this reply names a command the client
 * never sent (envid 0).]
 */
@ApplicationScoped
public class RoomResumption {

    /** What the reply names as its command: no client envelope has envid 0 (clients count from a random value). */
    static final CommandRef UNASKED = new CommandRef("0", "1");

    private static final Logger LOG = Logger.getLogger(RoomResumption.class.getName());

    @Inject
    PoolPresence pool;

    @Inject
    JoinHandler joins;

    /** @return the rpl:bjoin to send the client, or nothing when it has no rooms to come back to */
    public List<Outbound> resume(ChatClient client) {
        Set<String> rooms = pool.roomsToResume(client.userUri());
        if (rooms.isEmpty()) {
            return List.of();
        }
        LOG.info(() -> client.userUri() + " is back after its node died: put back in " + rooms);
        List<ChannelId> channels = new ArrayList<>();
        int key = 0;
        for (String room : rooms) {
            RoomUri uri = RoomUri.parse(room);
            channels.add(new ChannelId(key++, uri.domain(), uri.guid().toString()));
        }
        return joins.handle(new Command.Join(UNASKED, true, channels), client);
    }
}
