package org.parley.web.rest.problem;

import java.util.Locale;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.parley.chat.domain.shared.ChatException;

/**
 * The one place where the chat services' refusals become HTTP statuses. The problem type names the reason
 * ({@code urn:parley:problem:disabled-by-policy}), so clients can tell apart refusals sharing a status.
 */
@Provider
public class ChatExceptionMapper implements ExceptionMapper<ChatException> {

    static final String TYPE_PREFIX = "urn:parley:problem:";

    @Context
    UriInfo request;

    @Override
    public Response toResponse(ChatException exception) {
        return response(exception.reason(), exception.getMessage(), request);
    }

    /** The problem a refusal for the reason answers: also the compliance service's, told as the chat service's. */
    static Response response(ChatException.Reason reason, String detail, UriInfo request) {
        return Problems.response(status(reason), type(reason), title(reason), detail, request, null);
    }

    private static int status(ChatException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case FORBIDDEN, ROOM_DISABLED, DISABLED_BY_POLICY -> 403;
            case CONFLICT -> 409;
            case STALE_VERSION -> 412;
            case INVALID -> 400;
            case TOO_LARGE -> 413;
        };
    }

    static String type(ChatException.Reason reason) {
        return TYPE_PREFIX + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String title(ChatException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> "Not found";
            case FORBIDDEN -> "Not allowed";
            case ROOM_DISABLED -> "Room disabled";
            case DISABLED_BY_POLICY -> "Persistent Chat not enabled for the user";
            case CONFLICT -> "Conflict with the stored state";
            case STALE_VERSION -> "Changed since read";
            case INVALID -> "Invalid request";
            case TOO_LARGE -> "Too large";
        };
    }
}
