package org.parley.web.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.HistoryService;
import org.parley.web.rest.rooms.PageJson;
import org.parley.web.rest.security.Caller;

/**
 * Rewriting a room's history. Every change answers with the record the history service kept of it (and sent
 * to compliance), the same record {@code history/changes} lists.
 */
@Path("admin/rooms/{id: " + AdminPaths.GUID + "}")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminHistoryResource {

    private static final String MESSAGE = "messages/{seq: [0-9]{1,18}}";

    @Inject
    Caller caller;

    @Inject
    HistoryService history;

    @Inject
    ChatConfiguration configuration;

    /** A POST, not a DELETE with a query: what it deletes depends on when it runs, so it is not idempotent. */
    @POST
    @Path("history/clear")
    @Consumes(MediaType.APPLICATION_JSON)
    public HistoryChangeJson clear(@PathParam("id") String id, @Valid @NotNull ClearHistoryJson clear) {
        return HistoryChangeJson.of(history.clearBefore(caller.uri(), configuration.roomUri(id), clear.before()));
    }

    @DELETE
    @Path(MESSAGE)
    public HistoryChangeJson remove(@PathParam("id") String id, @PathParam("seq") long seq) {
        return HistoryChangeJson.of(history.removeMessage(caller.uri(), configuration.roomUri(id), seq));
    }

    @PUT
    @Path(MESSAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    public HistoryChangeJson replace(
            @PathParam("id") String id, @PathParam("seq") long seq, @Valid @NotNull ReplacementJson replacement) {
        return HistoryChangeJson.of(
                history.replaceMessage(caller.uri(), configuration.roomUri(id), seq, replacement.text()));
    }

    /** Oldest first, so pages stay stable while new changes are appended. */
    @GET
    @Path("history/changes")
    public PageJson<HistoryChangeJson> changes(
            @PathParam("id") String id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return PageJson.of(
                history.changes(caller.uri(), configuration.roomUri(id)).stream()
                        .map(HistoryChangeJson::of)
                        .toList(),
                page,
                size);
    }
}
