package org.parley.chat.domain.model.room;

/** The principal lists of a room. Managers and presenters are members as well. */
public enum RoomRole {
    MEMBER,
    MANAGER,
    PRESENTER
}
