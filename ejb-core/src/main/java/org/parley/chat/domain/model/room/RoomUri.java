package org.parley.chat.domain.model.room;

import java.util.Locale;
import java.util.UUID;

import org.parley.chat.domain.shared.ChatException;

/**
 * {@code ma-chan://<domain>/<guid>}, the XCCOS name of a room (PROTOCOL.md §6). Rooms are found by the
 * GUID; the domain is the server's and kept for the round trip.
 */
public record RoomUri(String domain, UUID guid) {

    public static final String SCHEME = "ma-chan://";

    public RoomUri {
        if (domain == null || domain.isBlank() || guid == null) {
            throw ChatException.invalid("a room URI needs a domain and a GUID");
        }
        domain = domain.toLowerCase(Locale.ROOT);
    }

    public static RoomUri parse(String text) {
        if (text == null || !text.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw ChatException.invalid("not a room URI: " + text);
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw ChatException.invalid("not a room URI: " + text);
        }
        try {
            return new RoomUri(rest.substring(0, slash), UUID.fromString(rest.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw ChatException.invalid("not a room URI: " + text);
        }
    }

    @Override
    public String toString() {
        return SCHEME + domain + "/" + guid;
    }
}
