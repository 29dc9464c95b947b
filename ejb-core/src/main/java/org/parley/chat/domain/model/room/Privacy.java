package org.parley.chat.domain.model.room;

/** Who may find and enter a room, among those its category allows. */
public enum Privacy {
    /** Found by everyone the category allows, and joined by any of them. */
    OPEN,
    /** Found by everyone the category allows, joined (read, posted to) by its members only. */
    CLOSED,
    /** Found, seen and joined by its members only; to anyone else it does not exist. */
    SECRET
}
