package org.parley.xccos;

/** A room as join/bjoin name it: its URI split into domain and GUID (docs/protocol/xccos.md §6). */
public record ChannelId(int key, String domain, String value) {

    public String uri() {
        return XccosNames.CHANNEL_SCHEME + domain + "/" + value;
    }
}
