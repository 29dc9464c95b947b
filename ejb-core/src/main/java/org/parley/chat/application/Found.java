package org.parley.chat.application;

import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRepository;
import org.parley.chat.domain.model.category.CategoryUri;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.shared.ChatException;

/**
 * The room or category a service is asked about by its URI, or NOT_FOUND naming it: every service looks them up
 * the same way, and a client reads the same refusal whichever it asked. Whether the caller may then see or change
 * what was found is the aggregate's own rule ({@link Room#requireManage}, {@link Room#requireRead}, ...).
 */
final class Found {

    private Found() {}

    static Room room(RoomRepository rooms, String roomUri) {
        return rooms.find(RoomUri.parse(roomUri)).orElseThrow(() -> ChatException.notFound("no room " + roomUri));
    }

    /**
     * As {@link #room}, freshly read with its row locked until the transaction ends ({@link
     * RoomRepository#lockForPosting}): for what must not interleave with the room's posts.
     */
    static Room lockedRoom(RoomRepository rooms, String roomUri) {
        return rooms.lockForPosting(RoomUri.parse(roomUri))
                .orElseThrow(() -> ChatException.notFound("no room " + roomUri));
    }

    static Category category(CategoryRepository categories, String categoryUri) {
        return categories
                .find(CategoryUri.parse(categoryUri))
                .orElseThrow(() -> ChatException.notFound("no category " + categoryUri));
    }
}
