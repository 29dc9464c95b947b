package org.parley.web.rest.chat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.parley.chat.domain.shared.ChatException;
import org.parley.web.live.LiveStreams;
import org.parley.web.rest.security.Caller;

/**
 * A web client's session, which its event stream opened ({@link ChatEventsResource}): ended by the client when it
 * is done (the page signs out), so it leaves its rooms at once rather than after the grace a dropped stream gets.
 */
@Path("chat/sessions")
@RequestScoped
@RolesAllowed("user")
public class ChatSessionsResource {

    @Inject
    Caller caller;

    @Inject
    LiveStreams streams;

    @DELETE
    @Path("{session}")
    public Response end(@PathParam("session") String session) {
        if (!streams.end(caller.uri(), session)) {
            throw ChatException.notFound("no web session " + session + " of yours");
        }
        return Response.noContent().build();
    }
}
