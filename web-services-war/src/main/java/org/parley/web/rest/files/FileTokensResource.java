package org.parley.web.rest.files;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.parley.chat.application.FileRecordService;
import org.parley.chat.application.FileTransferService;
import org.parley.chat.application.FileUploads;
import org.parley.chat.application.dto.RedeemedFileToken;
import org.parley.chat.domain.model.file.FileTransfer;

/**
 * Transfers by XCCOS file token (cmd:getfutok / cmd:getfdtok), for clients that got the token over SIP and
 * have no web password: the token is the credential (web.xml leaves this path open). Each token works once,
 * for its direction only, and acts as the user it was issued to, under the files API's rules and limits.
 * [INF: Lync's own clients speak SOAP to MGCWebService.asmx; this is Parley's REST equivalent.]
 */
@Path("filetokens/{token: [0-9a-fA-F-]{36}}")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class FileTokensResource {

    @Inject
    FileTransferService transfers;

    @Inject
    FileRecordService files;

    @Inject
    FileUploads uploads;

    @Inject
    Downloads downloads;

    /** The body is the file named when the token was issued, streamed as the files API's PUT does. */
    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response upload(
            @PathParam("token") String token,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long contentLength,
            InputStream body,
            @Context UriInfo request)
            throws IOException {
        return RoomFilesResource.created(
                uploads.uploadWithToken(
                        token,
                        RoomFilesResource.mediaType(contentType),
                        contentLength,
                        body,
                        RoomFilesResource.downloadBase(request)),
                request);
    }

    /** The whole file; a token is spent by one response, so ranges are for the files API. */
    @GET
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("token") String token) {
        RedeemedFileToken redeemed = transfers.redeem(token, FileTransfer.DOWNLOAD);
        return downloads.response(files.download(redeemed.userUri(), redeemed.fileId()), null, null);
    }
}
