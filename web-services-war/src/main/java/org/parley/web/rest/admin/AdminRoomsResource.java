package org.parley.web.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.RetentionService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.RoomView;
import org.parley.web.rest.Versions;
import org.parley.web.rest.rooms.RoomCategoryJson;
import org.parley.web.rest.rooms.RoomJson;
import org.parley.web.rest.security.Caller;

/** Administrators' changes to any room, whatever its category or role lists. */
@Path("admin/rooms/{id: " + AdminPaths.GUID + "}")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRoomsResource {

    @Inject
    Caller caller;

    @Inject
    RoomService rooms;

    @Inject
    RetentionService retention;

    @Inject
    ChatConfiguration configuration;

    /** How long the room keeps history: its own days, 0 for ever, or null as its category says. */
    @PUT
    @Path("retention")
    @Consumes(MediaType.APPLICATION_JSON)
    public RetentionJson retention(@PathParam("id") String id, @Valid @NotNull RetentionJson days) {
        return new RetentionJson(retention.setRoomRetention(caller.uri(), configuration.roomUri(id), days.days()));
    }

    /** Moves the room to any category of the domain; recorded for compliance as a room change. */
    @PUT
    @Path("category")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response move(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RoomCategoryJson move) {
        Long expected = Versions.expected(ifMatch);
        RoomView room = rooms.moveToCategory(caller.uri(), configuration.roomUri(id), move.categoryUri(), expected);
        return Versions.tagged(RoomJson.of(room), room.version());
    }
}
