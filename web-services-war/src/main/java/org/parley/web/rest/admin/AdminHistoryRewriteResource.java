package org.parley.web.rest.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.HistoryService;
import org.parley.chat.application.dto.HistoryQuery;
import org.parley.chat.domain.shared.ChatException;
import org.parley.web.rest.security.Caller;

/**
 * Bulk rewrites of history across rooms (Remove-CsPersistentChatMessage): remove, or replace with one text, every
 * message a filter matches; first with {@code dryRun} to see how many. Each room's rewrite is recorded in its
 * {@code history/changes} and sent to compliance.
 */
@Path("admin/history")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminHistoryRewriteResource {

    @Inject
    Caller caller;

    @Inject
    HistoryService history;

    @Inject
    ChatConfiguration configuration;

    @POST
    @Path("remove")
    public BulkRewriteJson remove(@Valid @NotNull HistoryRewriteJson filter) {
        return BulkRewriteJson.of(history.rewriteMatching(caller.uri(), query(filter), filter.dryRun(), null));
    }

    @POST
    @Path("replace")
    public BulkRewriteJson replace(@Valid @NotNull HistoryRewriteJson filter) {
        if (filter.text() == null) {
            throw ChatException.invalid("a replacement needs the text the messages get");
        }
        return BulkRewriteJson.of(history.rewriteMatching(caller.uri(), query(filter), filter.dryRun(), filter.text()));
    }

    private HistoryQuery query(HistoryRewriteJson filter) {
        List<String> rooms = filter.rooms() == null
                ? List.of()
                : filter.rooms().stream().map(id -> configuration.roomUri(id)).toList();
        return new HistoryQuery(rooms, filter.author(), filter.from(), filter.to(), filter.textContains());
    }
}
