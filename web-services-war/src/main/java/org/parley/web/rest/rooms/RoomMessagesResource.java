package org.parley.web.rest.rooms;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.HistoryService;
import org.parley.chat.application.PostRequest;
import org.parley.chat.application.PostWriter;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.dto.PostedMessage;
import org.parley.chat.domain.shared.ChatException;
import org.parley.web.rest.security.Caller;

/**
 * A room's conversation over HTTP: its history read in windows of its sequence, searched, and posted to. The same
 * rules as over SIP decide (who may read, who may speak in an auditorium, a disabled room, the policy), through
 * the same services: a read is a BACKCHAT compliance record, a search a MESSAGE_SEARCH one, and a post goes the
 * one road every post takes ({@link PostWriter}: stored, in a transaction it may share with other posts, before
 * it is answered, then delivered in the room's order to everyone in the room, SIP clients included).
 *
 * <p>Unlike a SIP client, whose grpchat is refused until it has joined, a web caller needs no presence in the
 * room to post: HTTP has no session to be present with. Whoever the room's rules let speak may speak.
 */
@Path("rooms/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}/messages")
@RequestScoped
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class RoomMessagesResource {

    @Inject
    Caller caller;

    @Inject
    HistoryService history;

    @Inject
    PostWriter posts;

    @Inject
    ChatConfiguration configuration;

    /**
     * The newest messages, or those just before or just after a sequence number, oldest first; {@code limit}
     * defaults to the server's back-chat count (as a SIP client's bccontext that names none) and is capped at the
     * history page limit.
     */
    @GET
    public MessagesJson read(
            @PathParam("id") String id,
            @QueryParam("before") @Min(1) Long before,
            @QueryParam("after") @Min(0) Long after,
            @QueryParam("limit") @Min(1) Integer limit) {
        if (before != null && after != null) {
            throw ChatException.invalid("name before or after, not both");
        }
        String room = configuration.roomUri(id);
        int count = limit == null ? configuration.backChatDefaultCount() : limit;
        List<MessageView> page = before != null
                ? history.before(caller.uri(), room, before, count)
                : after != null
                        ? history.after(caller.uri(), room, after, count)
                        : history.last(caller.uri(), room, count);
        return new MessagesJson(page.stream().map(MessageJson::of).toList());
    }

    /** One message by its sequence number: 404 if the room has none by that number (never had, or removed). */
    @GET
    @Path("{seq: [0-9]+}")
    public MessageJson message(@PathParam("id") String id, @PathParam("seq") long seq) {
        return history.after(caller.uri(), configuration.roomUri(id), seq - 1, 1).stream()
                .filter(message -> message.seq() == seq)
                .findFirst()
                .map(MessageJson::of)
                .orElseThrow(() -> ChatException.notFound("no message " + seq + " in this room"));
    }

    /** Messages of this room containing {@code text} (case-insensitive), newest first. */
    @GET
    @Path("search")
    public MessagesJson search(
            @PathParam("id") String id,
            @QueryParam("text") @NotBlank String text,
            @QueryParam("limit") @Min(1) @Max(10_000) Integer limit) {
        List<MessageView> hits =
                history.search(caller.uri(), text, configuration.roomUri(id), limit == null ? 0 : limit);
        return new MessagesJson(hits.stream().map(MessageJson::of).toList());
    }

    /** Answered 201 once the post is stored, with its sequence number; refusals as problem+json (403, 404, 413). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("id") String id, @Valid @NotNull NewPostJson post, @Context UriInfo request) {
        PostedMessage posted =
                posts.post(new PostRequest(caller.uri(), configuration.roomUri(id), post.text(), null, () -> {}));
        MessageJson json = MessageJson.of(posted.message(), posted.stored());
        return Response.created(request.getAbsolutePathBuilder()
                        .path(Long.toString(json.seq()))
                        .build())
                .entity(json)
                .build();
    }
}
