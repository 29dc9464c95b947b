package org.parley.chat.application;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.user.Actor;

/**
 * What every move of a room to another category does, whoever asks for it (a room's managers or an administrator,
 * {@link RoomService#moveToCategory}; the removal of its category, {@link CategoryService#removeCategory}): the move
 * under {@link Room#moveTo}'s rule, the rights it changes reaching the room at once ({@link AccessChanges}), the
 * people in it shown the room anew ({@link RoomChanges}), and a ROOM_CHANGED compliance record naming both
 * categories.
 */
@ApplicationScoped
public class RoomMoves {

    @Inject
    RoomRepository rooms;

    @Inject
    AccessChanges accessChanges;

    @Inject
    RoomChanges roomChanges;

    @Inject
    ComplianceRecorder compliance;

    @Inject
    Clock clock;

    public RoomMoves() {}

    RoomMoves(
            RoomRepository rooms,
            AccessChanges accessChanges,
            RoomChanges roomChanges,
            ComplianceRecorder compliance,
            Clock clock) {
        this.rooms = rooms;
        this.accessChanges = accessChanges;
        this.roomChanges = roomChanges;
        this.compliance = compliance;
        this.clock = clock;
    }

    /** @param moreDetails what the compliance record says besides the change and the two categories */
    void move(Actor actor, Room room, Category target, Map<String, String> moreDetails) {
        Category from = room.category();
        room.moveTo(actor, target);
        rooms.store(room);
        accessChanges.room(room);
        roomChanges.room(room);
        Map<String, String> details = new HashMap<>(moreDetails);
        details.putAll(Map.of(
                "change",
                "category",
                "fromCategory",
                from.uri().toString(),
                "toCategory",
                target.uri().toString(),
                "category",
                target.name()));
        compliance.record(ComplianceEventType.ROOM_CHANGED, room, actor.uri().value(), clock.instant(), details);
    }
}
