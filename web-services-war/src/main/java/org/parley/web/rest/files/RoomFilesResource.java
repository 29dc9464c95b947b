package org.parley.web.rest.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.FileRecordService;
import org.parley.chat.application.FileUploads;
import org.parley.chat.application.dto.FileView;
import org.parley.web.rest.rooms.PageJson;
import org.parley.web.rest.security.Caller;

/**
 * The files posted to a room. A room the caller may not see answers 404, one whose category allows no
 * files 403, a file over {@code parley.chat.max-file-size-bytes} 413, all as problem+json.
 */
@Path("rooms/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}/files")
@RequestScoped
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class RoomFilesResource {

    @Inject
    Caller caller;

    @Inject
    FileRecordService files;

    @Inject
    FileUploads uploads;

    @Inject
    ChatConfiguration configuration;

    /** The request body is the file, streamed into the store as it arrives; the last path segment names it. */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.WILDCARD)
    public Response put(
            @PathParam("id") String id,
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long contentLength,
            InputStream body,
            @Context UriInfo request)
            throws IOException {
        return created(
                uploads.upload(
                        caller.uri(),
                        configuration.roomUri(id),
                        name,
                        mediaType(contentType),
                        contentLength,
                        body,
                        downloadBase(request)),
                request);
    }

    /** A browser form's upload: the part named {@code file}, with its file name and content type. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response post(@PathParam("id") String id, @FormParam("file") EntityPart file, @Context UriInfo request)
            throws IOException {
        if (file == null) {
            throw new BadRequestException("no part named file");
        }
        String name = file.getFileName().orElseThrow(() -> new BadRequestException("the file part has no file name"));
        String type = file.getMediaType() == null ? null : file.getMediaType().toString();
        try (InputStream content = file.getContent()) {
            return created(
                    uploads.upload(
                            caller.uri(),
                            configuration.roomUri(id),
                            name,
                            mediaType(type),
                            -1,
                            content,
                            downloadBase(request)),
                    request);
        }
    }

    /** Newest first. */
    @GET
    public PageJson<FileJson> list(
            @PathParam("id") String id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<FileJson> all = files.files(caller.uri(), configuration.roomUri(id)).stream()
                .map(FileJson::of)
                .toList();
        return PageJson.of(all, page, size);
    }

    /** {@code .../api/v1/files/}: a file id resolved against it is the file's download address. */
    static URI downloadBase(UriInfo request) {
        return request.getBaseUriBuilder().path("files/").build();
    }

    /** A content type that is not a media type would break every later download of the file. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        try {
            return MediaType.valueOf(contentType).toString();
        } catch (IllegalArgumentException notAMediaType) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    static Response created(FileView file, UriInfo request) {
        return Response.created(downloadBase(request).resolve(Long.toString(file.id())))
                .entity(FileJson.of(file))
                .build();
    }
}
