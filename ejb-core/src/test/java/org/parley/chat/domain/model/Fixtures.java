package org.parley.chat.domain.model;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRole;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.domain.model.category.CategoryUri;
import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomSettings;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.Subject;

/** Domain objects for rule tests, without a database. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    public static final Actor ADMIN = Actor.administrator(subject("sip:admin@contoso.com"));

    private Fixtures() {}

    public static Subject subject(String uri, String... groupKeys) {
        return new Subject(SipUri.parse(uri), Set.of(groupKeys));
    }

    public static Actor user(String uri, String... groupKeys) {
        return Actor.user(subject(uri, groupKeys));
    }

    /** A category allowing everyone @contoso.com, where everyone may create rooms. */
    public static Category contosoCategory() {
        Category category = category("Contoso", true);
        category.grant(ADMIN, CategoryRole.ALLOWED_MEMBER, Principal.domain("contoso.com"));
        category.grant(ADMIN, CategoryRole.CREATOR, Principal.domain("contoso.com"));
        return category;
    }

    public static Category category(String name, boolean invitations) {
        return Category.create(
                ADMIN,
                new CategoryUri("contoso.com", UUID.randomUUID()),
                new CategorySettings(name, null, invitations, true, true),
                NOW);
    }

    public static Room room(Category category, Actor creator, Privacy privacy, RoomType type) {
        return Room.create(
                creator,
                category,
                UUID.randomUUID(),
                new RoomSettings("Room " + UUID.randomUUID(), null, null, privacy, type, InvitationSetting.INHERIT),
                NOW);
    }
}
