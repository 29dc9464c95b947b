package org.parley.web.rest;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.parley.chat.domain.shared.ChatException;

/**
 * ETags are the stored version of a room or category, so a change can be made conditional on what the caller
 * read (lost-update protection) without the server keeping anything per client.
 */
public final class Versions {

    private Versions() {}

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** A room's or category's representation, with its version as the ETag the next change hands back. */
    public static Response tagged(Object representation, long version) {
        return Response.ok(representation).tag(tag(version)).build();
    }

    /** 201 for a new room or category: where it is (the collection's path and its id), it, and its version. */
    public static Response created(UriInfo request, String id, Object representation, long version) {
        return Response.created(request.getAbsolutePathBuilder().path(id).build())
                .tag(tag(version))
                .entity(representation)
                .build();
    }

    /**
     * The version an If-Match header asks for: null for {@code *} (whatever is stored). Required: without it a
     * client would silently overwrite changes it never saw (428). A tag this server cannot have issued
     * (weak, several, not a version) matches nothing (412).
     */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ClientErrorException(
                    "If-Match is required: send the ETag of the representation you changed",
                    Response.Status.PRECONDITION_REQUIRED);
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return null;
        }
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException notAVersion) {
                // falls through to the refusal below
            }
        }
        throw new ChatException(ChatException.Reason.STALE_VERSION, "If-Match " + tag + " is not a current version");
    }
}
