package org.parley.chat.application.compliance;

/** What happened, in the terms of the original product's compliance records where it has them. */
public enum ComplianceEventType {
    /** A user entered a room. */
    JOIN,
    /** A user left a room (or its client went away). */
    PART,
    /** A post, with its text. */
    CHAT,
    /** A user read a room's history. */
    BACKCHAT,
    FILEUPLOAD,
    FILEDOWNLOAD,
    /** An administrator deleted a room's messages before a date. */
    HISTORY_CLEARED,
    MESSAGE_REMOVED,
    MESSAGE_REPLACED,
    /**
     * An administrator deleted the messages of a room a filter matched (a bulk removal): details {@code filter} (in
     * words) and {@code messages} (how many).
     */
    MESSAGES_REMOVED,
    /** As {@link #MESSAGES_REMOVED}, the messages rewritten instead; the new text as the event's text. */
    MESSAGES_REPLACED,
    ROOM_CREATED,
    ROOM_CHANGED,
    MEMBERSHIP_CHANGED,
    ROOM_DISABLED,
    ROOM_ENABLED,
    /**
     * A room was deleted with everything in it: the room as it was (uri, name), who deleted it; details
     * {@code category}, {@code privacy}, {@code type}, {@code messages}, {@code files}, {@code follows},
     * {@code invitations} (how many went with it), {@code lastMessageSeq}.
     */
    ROOM_DELETED,
    /**
     * A user searched message text (XCCOS cmd:msgsrch): the search text as the event's text; the room
     * when the search was limited to one, else none; details {@code hits}, {@code rooms} (how many rooms
     * were searched) and {@code hitRooms} (the rooms whose messages were returned, space-separated).
     * Not a BACKCHAT: that is one room's history read in order, this can read across every room.
     */
    MESSAGE_SEARCH,
    /**
     * An administrator exported the chat store (GET /api/v1/admin/export), the rooms' messages with their text;
     * no room; details {@code rooms} (how many) and {@code filter} (which rooms, dates, files, in words).
     */
    STORE_EXPORTED,
    /**
     * An administrator imported a chat store document (POST /api/v1/admin/import); no room; details {@code mode}
     * (add or update), {@code rooms} added, {@code updated} (things the store had that it changed), {@code messages},
     * {@code files}. Each room an update changed is a ROOM_CHANGED of its own ({@code change=import}).
     */
    STORE_IMPORTED
}
