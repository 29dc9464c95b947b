package org.parley.web.rest.files;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.parley.chat.application.FileRecordService;
import org.parley.web.rest.security.Caller;

/**
 * A file's bytes, for those who may read its room (others get 404, as for the room). Every response is a
 * FILEDOWNLOAD for compliance, a range included.
 */
@Path("files")
@RequestScoped
@RolesAllowed("user")
public class FilesResource {

    @Inject
    Caller caller;

    @Inject
    FileRecordService files;

    @Inject
    Downloads downloads;

    @GET
    @Path("{fileId: [0-9]{1,18}}")
    public Response download(
            @PathParam("fileId") long fileId,
            @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange) {
        return downloads.response(files.download(caller.uri(), fileId), range, ifRange);
    }
}
