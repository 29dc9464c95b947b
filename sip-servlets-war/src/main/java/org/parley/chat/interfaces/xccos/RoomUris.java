package org.parley.chat.interfaces.xccos;

import org.parley.xccos.XccosNames;

/** A room URI split the way XCCOS names rooms in chanid and aib: domain and GUID (PROTOCOL.md §6). */
public record RoomUris(String domain, String guid) {

    /**
     * The form the chat store keeps (domains and GUIDs compare without case), for looking rooms up;
     * replies still echo what the client sent where the client compares bytes (rpl:part).
     */
    public static String canonical(String roomUri) {
        return roomUri == null ? null : roomUri.trim().toLowerCase(java.util.Locale.ROOT);
    }


    public static RoomUris parse(String roomUri) {
        if (!roomUri.startsWith(XccosNames.CHANNEL_SCHEME)) {
            throw new IllegalArgumentException("not a room URI: " + roomUri);
        }
        String rest = roomUri.substring(XccosNames.CHANNEL_SCHEME.length());
        int slash = rest.indexOf('/');
        return new RoomUris(rest.substring(0, slash), rest.substring(slash + 1));
    }
}
