package org.parley.web.rest.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.parley.chat.application.dto.FileView;
import org.parley.chat.infrastructure.files.FileStore;
import org.parley.chat.infrastructure.metrics.ParleyMeters;

/** A stored file as an HTTP response: streamed from the store, whole or one byte range. */
@ApplicationScoped
public class Downloads {

    private static final int BUFFER = 64 * 1024;

    @Inject
    FileStore store;

    @Inject
    ParleyMeters meters;

    /**
     * @param range    the request's {@code Range} header, or null
     * @param ifRange  the request's {@code If-Range} header, or null: a range of another version of the
     *                 file would be garbage, so then the whole file is sent
     */
    public Response response(FileView file, String range, String ifRange) {
        EntityTag tag = new EntityTag(file.sha256());
        ByteRange part = ifRange == null || ifRange.strip().equals(tag.toString())
                ? ByteRange.of(range, file.sizeBytes())
                : null;
        if (part != null && !part.satisfiable()) {
            return Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", "bytes */" + file.sizeBytes())
                    .build();
        }
        long first = part == null ? 0 : part.first();
        long length = part == null ? file.sizeBytes() : part.length();
        Response.ResponseBuilder response = part == null
                ? Response.ok()
                : Response.status(Response.Status.PARTIAL_CONTENT)
                        .header("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + file.sizeBytes());
        String storageKey = file.storageKey();
        StreamingOutput body = out -> copy(storageKey, first, length, out);
        return response.entity(body)
                .type(file.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.fileName()))
                .header("Accept-Ranges", "bytes")
                // Stored content types come from uploaders: never let a browser render a file as a page.
                .header("X-Content-Type-Options", "nosniff")
                .tag(tag)
                .build();
    }

    /**
     * RFC 6266: an ASCII {@code filename} for old clients (anything else replaced) and the exact name as
     * RFC 5987 {@code filename*}.
     */
    static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints()
                .forEach(
                        c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private void copy(String storageKey, long first, long length, OutputStream out) throws IOException {
        long sent = 0;
        try (InputStream in = store.open(storageKey)) {
            in.skipNBytes(first);
            byte[] buffer = new byte[BUFFER];
            for (long left = length; left > 0; ) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("stored file " + storageKey + " ended early");
                }
                out.write(buffer, 0, read);
                left -= read;
                sent += read;
            }
        } finally {
            meters.fileDownloaded(sent);
        }
    }
}
