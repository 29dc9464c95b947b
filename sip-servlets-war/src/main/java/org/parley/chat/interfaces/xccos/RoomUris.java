package org.parley.chat.interfaces.xccos;

import org.parley.xccos.XccosNames;

/** A room URI split the way XCCOS names rooms in chanid and aib: domain and GUID (PROTOCOL.md §6). */
record RoomUris(String domain, String guid) {

    static RoomUris parse(String roomUri) {
        if (!roomUri.startsWith(XccosNames.CHANNEL_SCHEME)) {
            throw new IllegalArgumentException("not a room URI: " + roomUri);
        }
        String rest = roomUri.substring(XccosNames.CHANNEL_SCHEME.length());
        int slash = rest.indexOf('/');
        return new RoomUris(rest.substring(0, slash), rest.substring(slash + 1));
    }
}
