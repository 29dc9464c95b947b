package org.parley.chat.domain.model.room;

import java.util.Locale;
import java.util.UUID;

import org.parley.chat.domain.shared.ChatException;

/**
 * {@code ma-chan://<domain>/<guid>}, the XCCOS name of a room (docs/protocol/xccos.md §6). Rooms are found by the
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

    /** A room by its domain and GUID, as the web services' paths name rooms ({@code /rooms/<guid>}). */
    public static RoomUri of(String domain, String guid) {
        try {
            return new RoomUri(domain, UUID.fromString(guid));
        } catch (IllegalArgumentException e) {
            throw ChatException.invalid("not a room GUID: " + guid);
        }
    }

    /**
     * The form the chat store keeps (domains and GUIDs compare without case), for keying rooms by what a client
     * sent without parsing it: anything, a malformed URI included, has one; null stays null. Replies still echo
     * what the client sent where the client compares bytes (rpl:part).
     */
    public static String canonical(String roomUri) {
        return roomUri == null ? null : roomUri.trim().toLowerCase(Locale.ROOT);
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
