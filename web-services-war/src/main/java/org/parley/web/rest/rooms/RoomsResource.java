package org.parley.web.rest.rooms;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.parley.chat.application.AddInService;
import org.parley.chat.application.CategoryService;
import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.FollowService;
import org.parley.chat.application.InvitationService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.application.dto.RoomRolesView;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.web.rest.Versions;
import org.parley.web.rest.security.Caller;

/**
 * Room management. Every decision (who may see, change, add members) is the room service's, made for the
 * caller's SIP URI; a room the caller may not see answers 404 as if it did not exist.
 */
@Path("rooms")
@RequestScoped
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class RoomsResource {

    /** Rooms are addressed by the GUID of their ma-chan URI; anything else is not a room path (404). */
    private static final String ID =
            "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private static final String ROLE = "{role: members|managers|presenters}";

    @Inject
    Caller caller;

    @Inject
    RoomService rooms;

    @Inject
    AddInService addIns;

    @Inject
    CategoryService categories;

    @Inject
    InvitationService invitations;

    @Inject
    FollowService follows;

    @Inject
    ChatConfiguration configuration;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewRoomJson room, @Context UriInfo request) {
        String category = room.categoryUri() == null ? categories.root().uri() : room.categoryUri();
        RoomView created = rooms.createRoom(
                caller.uri(),
                new NewRoom(
                        room.name(),
                        room.description(),
                        category,
                        room.privacyOrDefault(),
                        room.typeOrDefault(),
                        room.invitations(),
                        room.members(),
                        room.managers(),
                        room.presenters()));
        RoomJson json = RoomJson.of(created);
        return Versions.created(request, json.id(), json, created.version());
    }

    /** Answers 304 to an If-None-Match naming the current version. */
    @GET
    @Path(ID)
    public Response get(@PathParam("id") String id, @Context Request request) {
        RoomView room = rooms.find(caller.uri(), configuration.roomUri(id));
        EntityTag tag = Versions.tag(room.version());
        Response.ResponseBuilder precondition = request.evaluatePreconditions(tag);
        return (precondition != null ? precondition : Response.ok(RoomJson.of(room)))
                .tag(tag)
                .build();
    }

    @PUT
    @Path(ID)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RoomSettingsJson settings) {
        Long expected = Versions.expected(ifMatch);
        return withTag(rooms.updateSettings(caller.uri(), configuration.roomUri(id), settings.settings(), expected));
    }

    /** Gives the room one of the registered add-ins ({@code GET /admin/addins}), or (null) none: its managers. */
    @PUT
    @Path(ID + "/addin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addIn(@PathParam("id") String id, @NotNull RoomAddInJson addIn) {
        return withTag(addIns.useInRoom(caller.uri(), configuration.roomUri(id), addIn.addIn()));
    }

    /** @param addIn an add-in's name, or null for none */
    public record RoomAddInJson(String addIn) {}

    /**
     * Deletes the room with its history, files, follows and invitations: administrators, and its managers where the
     * server allows it (parley.chat.managers-may-delete-rooms). Its participants online are taken out of it.
     */
    @DELETE
    @Path(ID)
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        rooms.deleteRoom(caller.uri(), configuration.roomUri(id), Versions.expected(ifMatch));
        return Response.noContent().build();
    }

    /**
     * Moves the room to another category: for its managers who may create rooms in that category, and
     * administrators (who also have admin/rooms/{id}/category).
     */
    @PUT
    @Path(ID + "/category")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response move(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RoomCategoryJson move) {
        Long expected = Versions.expected(ifMatch);
        return withTag(rooms.moveToCategory(caller.uri(), configuration.roomUri(id), move.categoryUri(), expected));
    }

    /** The rooms the caller may see (what a client's room search finds), by name. */
    @GET
    public PageJson<RoomJson> search(
            @QueryParam("name") String name,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<RoomJson> found =
                rooms.search(caller.uri(), name).stream().map(RoomJson::of).toList();
        return PageJson.of(found, page, size);
    }

    @GET
    @Path("mine")
    public PageJson<RoomJson> mine(
            @QueryParam("role") @DefaultValue("member") @Pattern(regexp = "member|manager|follower") String role,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<RoomView> mine =
                switch (role) {
                    case "manager" -> rooms.roomsManagedBy(caller.uri());
                    case "follower" -> follows.followed(caller.uri());
                    default -> rooms.roomsOfMember(caller.uri());
                };
        return PageJson.of(mine.stream().map(RoomJson::of).toList(), page, size);
    }

    @GET
    @Path(ID + "/" + ROLE)
    public PageJson<String> holders(
            @PathParam("id") String id,
            @PathParam("role") String role,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        RoomRolesView roles = rooms.roles(caller.uri(), configuration.roomUri(id));
        List<String> holders =
                switch (role(role)) {
                    case MEMBER -> roles.members();
                    case MANAGER -> roles.managers();
                    case PRESENTER -> roles.presenters();
                };
        return PageJson.of(holders, page, size);
    }

    /** @param principal {@code sip:user@domain}, {@code group:name} or {@code domain:name}, URL-encoded */
    @PUT
    @Path(ID + "/" + ROLE + "/{principal}")
    public RoomRolesJson grant(
            @PathParam("id") String id, @PathParam("role") String role, @PathParam("principal") String principal) {
        return RoomRolesJson.of(rooms.grant(caller.uri(), configuration.roomUri(id), role(role), principal));
    }

    @DELETE
    @Path(ID + "/" + ROLE + "/{principal}")
    public RoomRolesJson revoke(
            @PathParam("id") String id, @PathParam("role") String role, @PathParam("principal") String principal) {
        return RoomRolesJson.of(rooms.revoke(caller.uri(), configuration.roomUri(id), role(role), principal));
    }

    /** An unseen invitation of the same user to the same room is returned again, not repeated. */
    @POST
    @Path(ID + "/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    public InvitationJson invite(@PathParam("id") String id, @Valid @NotNull InviteJson invite) {
        return InvitationJson.of(invitations.invite(caller.uri(), configuration.roomUri(id), invite.invitee()));
    }

    @POST
    @Path(ID + "/disable")
    public Response disable(@PathParam("id") String id) {
        return withTag(rooms.disable(caller.uri(), configuration.roomUri(id)));
    }

    @POST
    @Path(ID + "/enable")
    public Response enable(@PathParam("id") String id) {
        return withTag(rooms.enable(caller.uri(), configuration.roomUri(id)));
    }

    /**
     * Follows the room, as joining it over SIP does: its new content is announced to the caller's clients. Only
     * a room the caller may join can be followed.
     */
    @PUT
    @Path(ID + "/follow")
    public Response follow(@PathParam("id") String id) {
        follows.follow(caller.uri(), configuration.roomUri(id));
        return Response.noContent().build();
    }

    /**
     * Stops following the room (XCCOS has no command for it: Lync keeps its followed list in presence, outside
     * the chat protocol). Not following it already, or no such room, is no error.
     */
    @DELETE
    @Path(ID + "/follow")
    public Response unfollow(@PathParam("id") String id) {
        follows.unfollow(caller.uri(), configuration.roomUri(id));
        return Response.noContent().build();
    }

    private static RoomRole role(String plural) {
        return switch (plural) {
            case "members" -> RoomRole.MEMBER;
            case "managers" -> RoomRole.MANAGER;
            default -> RoomRole.PRESENTER;
        };
    }

    private static Response withTag(RoomView room) {
        return Versions.tagged(RoomJson.of(room), room.version());
    }
}
