package org.parley.chat.interfaces.xccos;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.PostRequest;
import org.parley.chat.application.PostWriter;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.presence.RoomPresence;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.shared.ChatException;
import org.parley.xccos.Post;

/**
 * A grpchat from a client (docs/protocol/xccos.md §7.8): authorised and stored by the chat service (with the posts arriving
 * at the same time, in one transaction: {@link PostWriter}), which then publishes it
 * on the one road; every node's fan-out delivers it from there to everyone in the room, the author included, in
 * the room's order (a web post reaches the room the same way). Posts get no reply element; a refused post is
 * reported by the transport (a non-200 to its INFO, which SIPE shows as "not delivered").
 */
@ApplicationScoped
public class PostHandler {

    @Inject
    PostWriter posts;

    @Inject
    RoomPresence presence;

    /** @param accepted runs once the post is stored (committed), before anyone receives it */
    public MessageView handle(Post post, ChatClient client, Runnable accepted) {
        if (!post.author().toLowerCase(Locale.ROOT).equals(client.userUri())) {
            throw ChatException.forbidden("a post's author must be its sender");
        }
        String room = RoomUri.canonical(post.channelUri());
        if (!presence.isPresent(room, client.sessionId())) {
            throw ChatException.forbidden("join the room before posting to it");
        }
        return posts.post(new PostRequest(client.userUri(), room, post.text(), post.clientTime(), accepted))
                .message();
    }
}
