package org.parley.web.rest.admin;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.StoreTransferService;
import org.parley.chat.application.dto.store.ExportFilter;
import org.parley.chat.application.dto.store.ImportOptions;
import org.parley.chat.application.dto.store.ImportReport;
import org.parley.chat.application.dto.store.StoreDocument;
import org.parley.chat.infrastructure.files.FileStore;
import org.parley.web.rest.security.Caller;

/**
 * The chat store as one JSON document (docs/export-format.md), out and in: an export of all or some rooms, dates
 * and (optionally) files; an import that adds, or also updates, with a dry run.
 */
@Path("admin")
@RequestScoped
@RolesAllowed("chat-admin")
public class AdminStoreResource {

    @Inject
    Caller caller;

    @Inject
    StoreTransferService store;

    @Inject
    ChatConfiguration configuration;

    @Inject
    FileStore files;

    /**
     * Streamed: the outline is read first (refusals are still a problem response), the history and files while
     * writing.
     *
     * @param rooms      room ids to take (with categories: the rooms of either; neither: every room)
     * @param categories category ids whose rooms to take
     * @param from       messages and files stored at or after this instant (ISO-8601)
     * @param to         ... and before this one
     * @param withFiles  the files' bytes too (base64)
     */
    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(
            @QueryParam("room") List<@Pattern(regexp = AdminPaths.GUID) String> rooms,
            @QueryParam("category") List<@Pattern(regexp = AdminPaths.GUID) String> categories,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("files") @DefaultValue("false") boolean withFiles) {
        String actor = caller.uri();
        String domain = configuration.domain();
        ExportFilter filter = new ExportFilter(
                rooms.stream().map(id -> configuration.roomUri(id)).collect(Collectors.toSet()),
                categories.stream()
                        .map(id -> AdminPaths.categoryUri(domain, id))
                        .collect(Collectors.toSet()),
                instant("from", from),
                instant("to", to),
                withFiles);
        StoreDocument outline = store.outline(actor, filter);
        StreamingOutput body = out -> new StoreExportWriter(store, files, actor, filter).write(outline, out);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"parley-chat-store-"
                                + outline.exportedAt().toString().replace(':', '-') + ".json\"")
                .build();
    }

    /**
     * All or nothing, in one transaction, the document read as it arrives (StoreDocumentReader).
     *
     * @param mode   add (the default): only what the store lacks; update: also make what it has as the document says
     * @param dryRun do it all and keep none of it: the report says what would change
     */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportReport importStore(
            InputStream document,
            @QueryParam("mode") @DefaultValue("add") @Pattern(regexp = "add|update") String mode,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return store.importStore(
                caller.uri(),
                new StoreDocumentReader(document, files, configuration.maxFileSizeBytes(), dryRun),
                new ImportOptions("update".equals(mode), dryRun));
    }

    private static Instant instant(String name, String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " is not an ISO-8601 instant (2024-05-01T00:00:00Z): " + text);
        }
    }
}
