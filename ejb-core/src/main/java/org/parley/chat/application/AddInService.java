package org.parley.chat.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.application.dto.AddInView;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.domain.model.addin.AddIn;
import org.parley.chat.domain.model.addin.AddInRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.shared.ChatException;

/**
 * Add-ins (New-, Set-, Remove-CsPersistentChatAddin): administrators register web pages by name and URL; a room's
 * managers give their room one of them, or none. Removing an add-in takes it from the rooms that had it.
 */
@Stateless
public class AddInService {

    @Inject
    Callers callers;

    @Inject
    AddInRepository addIns;

    @Inject
    RoomRepository rooms;

    @Inject
    ComplianceRecorder compliance;

    @Inject
    Clock clock;

    @Inject
    RoomChanges roomChanges;

    public AddInService() {}

    AddInService(
            Callers callers,
            AddInRepository addIns,
            RoomRepository rooms,
            ComplianceRecorder compliance,
            Clock clock,
            RoomChanges roomChanges) {
        this.roomChanges = roomChanges;
        this.callers = callers;
        this.addIns = addIns;
        this.rooms = rooms;
        this.compliance = compliance;
        this.clock = clock;
    }

    public List<AddInView> addIns() {
        return addIns.all().stream().map(AddInView::of).toList();
    }

    /** Registers the add-in, or changes the URL of the one of that name. */
    public AddInView register(String actorUri, String name, String url) {
        Actor actor = callers.actor(actorUri);
        AddIn addIn = addIns.findByName(name).orElse(null);
        if (addIn == null) {
            addIn = AddIn.register(actor, name, url);
            addIns.add(addIn);
        } else {
            addIn.moveTo(actor, url);
        }
        return AddInView.of(addIn);
    }

    public void remove(String actorUri, String name) {
        Actor actor = callers.actor(actorUri);
        actor.requireAdministrator("remove an add-in");
        addIns.remove(addIn(name));
    }

    /** @param name the add-in the room gets, or null for none */
    public RoomView useInRoom(String actorUri, String roomUri, String name) {
        Actor actor = callers.actor(actorUri);
        Room room = Found.room(rooms, roomUri);
        AddIn before = room.addIn();
        room.useAddIn(actor, name == null ? null : addIn(name));
        rooms.store(room);
        if (before != room.addIn()) {
            roomChanges.room(room);
        }
        compliance.record(
                ComplianceEventType.ROOM_CHANGED,
                room,
                actor.uri().value(),
                clock.instant(),
                Map.of(
                        "change",
                        "add-in",
                        "addIn",
                        name == null ? "none" : room.addIn().name()));
        return RoomView.of(room);
    }

    private AddIn addIn(String name) {
        return addIns.findByName(name).orElseThrow(() -> ChatException.notFound("no add-in " + name));
    }
}
