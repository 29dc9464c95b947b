package org.parley.web.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.parley.chat.application.StoreTransferService;
import org.parley.chat.application.dto.store.ImportReport;
import org.parley.chat.application.dto.store.StoreDocument;
import org.parley.web.rest.security.Caller;

/** The whole chat store as one JSON document (docs/export-format.md), out and in. */
@Path("admin")
@RequestScoped
@RolesAllowed("chat-admin")
public class AdminStoreResource {

    @Inject
    Caller caller;

    @Inject
    StoreTransferService store;

    /** Streamed: the outline is read first (refusals are still a problem response), the history while writing. */
    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        String actor = caller.uri();
        StoreDocument outline = store.outline(actor);
        StreamingOutput body = out -> new StoreExportWriter(store, actor).write(outline, out);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parley-chat-store-"
                        + outline.exportedAt().toString().replace(':', '-') + ".json\"")
                .build();
    }

    /** All or nothing, in one transaction; only adds what the store lacks (StoreTransferService). */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportReport importStore(@NotNull StoreDocument document) {
        return store.importStore(caller.uri(), document);
    }
}
