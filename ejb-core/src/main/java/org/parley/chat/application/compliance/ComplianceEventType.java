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
    ROOM_CREATED,
    ROOM_CHANGED,
    MEMBERSHIP_CHANGED,
    ROOM_DISABLED,
    ROOM_ENABLED
}
