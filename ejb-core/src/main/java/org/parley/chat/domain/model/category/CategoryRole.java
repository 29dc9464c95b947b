package org.parley.chat.domain.model.category;

/** The three principal lists of a category. */
public enum CategoryRole {
    /** May be a member of rooms in the category (and find them). */
    ALLOWED_MEMBER,
    /** May never be a member, whatever else grants it: deny wins. */
    DENIED_MEMBER,
    /** May create rooms in the category (if also an allowed, not denied, member). */
    CREATOR
}
