package org.parley.chat.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.events.RoomChange;
import org.parley.chat.application.events.RoomEventPublisher;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.room.Room;

/**
 * What every change of what a room's people are shown of it must do: tell the chat nodes
 * ({@link RoomEventPublisher#roomChanged}), inside the change's transaction, so that they are told once it commits
 * and never of a change that rolled back. The services call it after changing a room's settings, category or add-in,
 * or a category's settings; after {@link AccessChanges}, when the change takes rights away too.
 */
@ApplicationScoped
public class RoomChanges {

    @Inject
    RoomEventPublisher events;

    public RoomChanges() {}

    public RoomChanges(RoomEventPublisher events) {
        this.events = events;
    }

    /** The room's name, description, topic, privacy, type, invitation setting, category or add-in changed. */
    public void room(Room room) {
        events.roomChanged(RoomChange.ofRoom(room.uri().toString()));
    }

    /** The category's settings changed: the switches its rooms show (invitations, files, history). */
    public void category(Category category) {
        events.roomChanged(RoomChange.ofCategory(category.uri().toString()));
    }
}
