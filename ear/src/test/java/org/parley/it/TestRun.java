package org.parley.it;

import java.util.UUID;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import org.parley.chat.application.CategoryService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;

/**
 * The users and rooms of one test, named with a run id so that the tests pass against a store earlier runs filled
 * and never meet each other's rooms. Users are named on either side; rooms are made in the container, through the
 * chat services as their owner would make them (the services are looked up when first needed, so a test class
 * may hold a run on the client side too).
 */
final class TestRun {

    private final String id = UUID.randomUUID().toString().substring(0, 8);

    /** Eight random characters that every name of this run carries. */
    String id() {
        return id;
    }

    /** A user of contoso.com that only this run knows, e.g. {@code sip:bob-1a2b3c4d@contoso.com}. */
    String user(String name) {
        return "sip:" + name + "-" + id + "@contoso.com";
    }

    /** A normal room in the root category; returns its URI. */
    String room(String owner, String name, Privacy privacy) {
        return room(owner, name, privacy, RoomType.NORMAL);
    }

    String room(String owner, String name, Privacy privacy, RoomType type) {
        return room(
                owner,
                name,
                privacy,
                type,
                service(CategoryService.class).root().uri());
    }

    /** A room named {@code name} and this run's id, "about" its name. */
    String room(String owner, String name, Privacy privacy, RoomType type, String category) {
        return service(RoomService.class)
                .createRoom(owner, new NewRoom(name + " " + id, "about " + name, category, privacy, type))
                .uri();
    }

    /** A chat service of the EAR's EJB module (parley-ejb-core.jar), by its no-interface view. */
    private static <T> T service(Class<T> type) {
        try {
            return InitialContext.doLookup("java:app/parley-ejb-core/" + type.getSimpleName() + "!" + type.getName());
        } catch (NamingException e) {
            throw new IllegalStateException("no " + type.getSimpleName() + ": rooms are made in the container", e);
        }
    }
}
