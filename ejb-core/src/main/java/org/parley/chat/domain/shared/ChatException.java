package org.parley.chat.domain.shared;

import jakarta.ejb.ApplicationException;

/**
 * The one exception the chat store and its services throw for an expected refusal. The edge layers
 * (SIP, HTTP) map {@link #reason()} to their own status codes, each in one place; the message is for
 * logs and for the human reading an error text, never for branching.
 * <p>
 * An application exception, so the container hands it to the caller as is (not wrapped in an
 * EJBException) and rolls the transaction back: a refused command must leave nothing half done.
 */
@ApplicationException(rollback = true)
public class ChatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The thing does not exist, or the caller may not know that it exists (secret rooms). */
        NOT_FOUND,
        /** The caller is known but lacks the right: not a manager, not allowed by the category, ... */
        FORBIDDEN,
        /** The request clashes with the stored state: a room name in use, a duplicate group, ... */
        CONFLICT,
        /** The caller's copy is out of date: the version it read (ETag) is no longer the stored one. */
        STALE_VERSION,
        /** The request itself is malformed: a bad URI, an empty name, a negative count, ... */
        INVALID,
        /** The request is well formed but exceeds a configured size limit. */
        TOO_LARGE,
        /** The user's Persistent Chat policy does not enable chat for them. */
        DISABLED_BY_POLICY,
        /** The room is disabled: nobody joins or posts until a manager enables it again. */
        ROOM_DISABLED
    }

    private final Reason reason;

    public ChatException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static ChatException notFound(String message) {
        return new ChatException(Reason.NOT_FOUND, message);
    }

    public static ChatException forbidden(String message) {
        return new ChatException(Reason.FORBIDDEN, message);
    }

    public static ChatException conflict(String message) {
        return new ChatException(Reason.CONFLICT, message);
    }

    public static ChatException invalid(String message) {
        return new ChatException(Reason.INVALID, message);
    }
}
