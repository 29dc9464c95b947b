package org.parley.xccos;

import java.util.List;

/** An ntc: something the server tells a client unasked, e.g. ntc:join, ntc:part. */
public record Notice(String id, List<DataItem> data) implements Outbound {

    public static final String JOIN = "ntc:join";
    public static final String PART = "ntc:part";
    /** [INF: our own notice] A followed room the user is not in has new messages. */
    public static final String NEW_CONTENT = "ntc:newcontent";
    /**
     * [INF: our own notice; no client or capture shows one, docs/room-changes.md] A room the client is in changed
     * (name, description, topic, privacy, type, its switches, its add-in): its whole chanib as rpl:chansrch gives it.
     */
    public static final String ROOM_CHANGED = "ntc:chanupd";

    public Notice {
        data = List.copyOf(data);
    }
}
