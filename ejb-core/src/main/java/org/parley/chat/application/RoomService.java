package org.parley.chat.application;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.application.dto.RoomRolesView;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.events.AfterCommit;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRepository;
import org.parley.chat.domain.model.category.CategoryUri;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomSettings;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.Subject;
import org.parley.chat.domain.shared.ChatException;

/**
 * Rooms: creating, changing (managers), finding and listing (what the caller may see), and the join check.
 * A room the caller may not see is NOT_FOUND, never FORBIDDEN, so secret rooms do not leak.
 */
@Stateless
public class RoomService {

    @Inject
    Callers callers;

    @Inject
    RoomRepository rooms;

    @Inject
    CategoryRepository categories;

    @Inject
    ChatConfiguration configuration;

    @Inject
    Clock clock;

    @Inject
    ComplianceRecorder compliance;

    @Inject
    AccessChanges accessChanges;

    @Inject
    FollowerIndex followerIndex;

    @Inject
    AfterCommit afterCommit;

    @Inject
    RoomChanges roomChanges;

    @Inject
    RoomMoves moves;

    public RoomService() {}

    RoomService(
            Callers callers,
            RoomRepository rooms,
            CategoryRepository categories,
            ChatConfiguration configuration,
            Clock clock,
            ComplianceRecorder compliance,
            AccessChanges accessChanges,
            RoomChanges roomChanges) {
        this.accessChanges = accessChanges;
        this.roomChanges = roomChanges;
        this.callers = callers;
        this.rooms = rooms;
        this.categories = categories;
        this.configuration = configuration;
        this.clock = clock;
        this.compliance = compliance;
        this.followerIndex = new FollowerIndex();
        this.afterCommit = AfterCommit.immediate();
        this.moves = new RoomMoves(rooms, accessChanges, roomChanges, compliance, clock);
    }

    public RoomView createRoom(String actorUri, NewRoom newRoom) {
        Actor actor = callers.actor(actorUri);
        Category category = Found.category(categories, newRoom.categoryUri());
        requireFreeName(newRoom.name(), null);
        Room room = Room.create(
                actor,
                category,
                UUID.randomUUID(),
                new RoomSettings(
                        newRoom.name(),
                        newRoom.description(),
                        null,
                        newRoom.privacy(),
                        newRoom.type(),
                        newRoom.invitations()),
                clock.instant());
        // The roles in the same transaction, under the rules of a grant one by one: all of them, or no room.
        Map<RoomRole, Set<String>> roles = Map.of(
                RoomRole.MEMBER,
                newRoom.members(),
                RoomRole.MANAGER,
                newRoom.managers(),
                RoomRole.PRESENTER,
                newRoom.presenters());
        roles.forEach((role, principals) ->
                principals.forEach(principal -> room.grant(actor, role, Principal.parse(principal), callers)));
        rooms.add(room);
        Map<String, String> details = new HashMap<>(Map.of(
                "privacy",
                newRoom.privacy().name(),
                "type",
                newRoom.type().name(),
                "category",
                category.name(),
                "invitations",
                newRoom.invitations().name()));
        roles.forEach((role, principals) -> {
            if (!principals.isEmpty()) {
                details.put(
                        role.name().toLowerCase(java.util.Locale.ROOT) + "s",
                        principals.stream().sorted().collect(Collectors.joining(" ")));
            }
        });
        compliance.record(ComplianceEventType.ROOM_CREATED, room, actor.uri().value(), clock.instant(), details);
        return RoomView.of(room);
    }

    /** @param expectedVersion the version the caller read (ETag), or null to overwrite whatever is stored */
    public RoomView updateSettings(String actorUri, String roomUri, RoomSettings settings, Long expectedVersion) {
        Actor actor = callers.actor(actorUri);
        Room room = Found.room(rooms, roomUri);
        room.requireManage(actor);
        Versions.require(expectedVersion, room.version());
        requireFreeName(settings.name(), room);
        RoomSettings before = room.settings();
        room.change(actor, settings);
        rooms.store(room);
        if (before.privacy() != settings.privacy()) {
            accessChanges.room(room);
        }
        if (!before.equals(room.settings())) {
            roomChanges.room(room);
        }
        compliance.record(
                ComplianceEventType.ROOM_CHANGED,
                room,
                actor.uri().value(),
                clock.instant(),
                Map.of(
                        "privacy",
                        settings.privacy().name(),
                        "type",
                        settings.type().name()));
        return RoomView.of(room);
    }

    /**
     * Deletes the room with its history, files, follows and invitations (Lync's Remove-CsPersistentChatRoom):
     * administrators, and its managers where {@link ChatConfiguration#managersMayDeleteRooms} allows. The room row is
     * locked first, so a post under way either is stored before and deleted with the rest, or finds no room. Once
     * committed, every node takes the room's participants out of it (ntc:part, as for any right taken away); the
     * compliance record keeps what was deleted and by whom. The file store's bytes go with its next clean-up.
     *
     * @param expectedVersion the version the caller read (ETag), or null to delete whatever is stored
     */
    public void deleteRoom(String actorUri, String roomUri, Long expectedVersion) {
        Actor actor = callers.actor(actorUri);
        Room room = Found.lockedRoom(rooms, roomUri);
        room.requireDelete(actor, configuration.managersMayDeleteRooms());
        Versions.require(expectedVersion, room.version());
        Map<String, String> details = new HashMap<>(Map.of(
                "category",
                room.category().name(),
                "privacy",
                room.privacy().name(),
                "type",
                room.settings().type().name(),
                "lastMessageSeq",
                Long.toString(room.lastMessageSeq())));
        String uri = room.uri().toString();
        accessChanges.roomDeleted(room);
        RoomRepository.RoomRemoval removed = rooms.remove(room);
        details.putAll(Map.of(
                "messages",
                Long.toString(removed.messages()),
                "files",
                Long.toString(removed.files()),
                "follows",
                Long.toString(removed.follows()),
                "invitations",
                Long.toString(removed.invitations())));
        compliance.record(ComplianceEventType.ROOM_DELETED, room, actor.uri().value(), clock.instant(), details);
        afterCommit.run(() -> followerIndex.changed(uri));
    }

    /**
     * Moves the room to another category (Room#moveTo says who may). Recorded for compliance as a room change
     * naming both categories.
     *
     * @param expectedVersion the version the caller read (ETag), or null to move whatever is stored
     */
    public RoomView moveToCategory(String actorUri, String roomUri, String categoryUri, Long expectedVersion) {
        Actor actor = callers.actor(actorUri);
        Room room = Found.room(rooms, roomUri);
        room.requireManage(actor);
        Versions.require(expectedVersion, room.version());
        Category target = Found.category(categories, categoryUri);
        if (room.category().id().equals(target.id())) {
            return RoomView.of(room);
        }
        moves.move(actor, room, target, Map.of());
        return RoomView.of(room);
    }

    /**
     * Adds a principal to a role list. Managers and presenters count as members too.
     *
     * @param principal {@code sip:user@domain}, {@code group:name} or {@code domain:name}
     */
    public RoomRolesView grant(String actorUri, String roomUri, RoomRole role, String principal) {
        Room room = Found.room(rooms, roomUri);
        Actor actor = callers.actor(actorUri);
        room.grant(actor, role, Principal.parse(principal), callers);
        compliance.record(
                ComplianceEventType.MEMBERSHIP_CHANGED,
                room,
                actor.uri().value(),
                clock.instant(),
                Map.of("change", "granted", "role", role.name(), "principal", principal));
        return RoomRolesView.of(room);
    }

    public RoomRolesView revoke(String actorUri, String roomUri, RoomRole role, String principal) {
        Room room = Found.room(rooms, roomUri);
        Actor actor = callers.actor(actorUri);
        room.revoke(actor, role, Principal.parse(principal));
        accessChanges.room(room);
        compliance.record(
                ComplianceEventType.MEMBERSHIP_CHANGED,
                room,
                actor.uri().value(),
                clock.instant(),
                Map.of("change", "revoked", "role", role.name(), "principal", principal));
        return RoomRolesView.of(room);
    }

    public RoomView disable(String actorUri, String roomUri) {
        Room room = Found.room(rooms, roomUri);
        Actor actor = callers.actor(actorUri);
        room.disable(actor);
        rooms.store(room);
        accessChanges.room(room);
        compliance.record(ComplianceEventType.ROOM_DISABLED, room, actor.uri().value(), clock.instant(), Map.of());
        return RoomView.of(room);
    }

    public RoomView enable(String actorUri, String roomUri) {
        Room room = Found.room(rooms, roomUri);
        Actor actor = callers.actor(actorUri);
        room.enable(actor);
        rooms.store(room);
        compliance.record(ComplianceEventType.ROOM_ENABLED, room, actor.uri().value(), clock.instant(), Map.of());
        return RoomView.of(room);
    }

    /**
     * The check behind entering a room (XCCOS join/bjoin): the room if the caller may enter it, and its compliance
     * JOIN. Being in a room is the session's state, not the store's, so nothing else is recorded.
     */
    public RoomView join(String actorUri, String roomUri) {
        return join(actorUri, roomUri, true);
    }

    /**
     * A session already in the room joins it again: the same check and view as {@link #join}, but no second JOIN,
     * so the record has one JOIN per entry as it has one PART per leave.
     */
    public RoomView joinAgain(String actorUri, String roomUri) {
        return join(actorUri, roomUri, false);
    }

    private RoomView join(String actorUri, String roomUri, boolean recorded) {
        Actor actor = callers.participant(actorUri);
        Room room = Found.room(rooms, roomUri);
        room.requireJoin(actor);
        if (recorded) {
            compliance.record(ComplianceEventType.JOIN, room, actor.uri().value(), clock.instant(), Map.of());
        }
        return RoomView.of(room);
    }

    /** A user left a room (or its client went away): nothing changes but the compliance record. */
    public void leave(String userUri, String roomUri) {
        // A room deleted meanwhile has no PART to record: its ROOM_DELETED record says everyone left.
        rooms.find(RoomUri.parse(roomUri))
                .ifPresent(room -> compliance.record(
                        ComplianceEventType.PART, room, SipUri.parse(userUri).value(), clock.instant(), Map.of()));
    }

    /**
     * A client went away: it left all these rooms, recorded in one transaction (a thousand clients vanishing at
     * once cost a thousand transactions, not one per client and room). A room that is gone meanwhile is skipped.
     */
    public void leftAll(String userUri, Collection<String> roomUris) {
        String user = SipUri.parse(userUri).value();
        for (String roomUri : roomUris) {
            rooms.find(RoomUri.parse(roomUri))
                    .ifPresent(
                            room -> compliance.record(ComplianceEventType.PART, room, user, clock.instant(), Map.of()));
        }
    }

    /**
     * Of the users online in each room, those who may no longer read it by the read rule of history reads
     * ({@link Callers#readable}); a room that is gone is lost to all of them. The chat nodes ask this when an
     * access change reaches them, and evict whom it names. No caller: the chat service asks.
     *
     * @param usersByRoom room URI to the users online in it
     * @param categoryUri only rooms of this category are looked at, or every room if null
     * @return room URI to the users who may no longer read it (rooms where everyone may are left out)
     */
    public Map<String, Set<String>> mayNoLongerRead(Map<String, Set<String>> usersByRoom, String categoryUri) {
        Map<String, Set<String>> lost = new HashMap<>();
        usersByRoom.forEach((roomUri, users) -> {
            Room room = rooms.find(RoomUri.parse(roomUri)).orElse(null);
            if (room != null && categoryUri != null && !room.category().uri().equals(CategoryUri.parse(categoryUri))) {
                return;
            }
            Set<String> unreadable = room == null
                    ? Set.copyOf(users)
                    : users.stream()
                            .filter(user -> !callers.mayRead(user, room))
                            .collect(Collectors.toUnmodifiableSet());
            if (!unreadable.isEmpty()) {
                lost.put(roomUri, unreadable);
            }
        });
        return lost;
    }

    /**
     * The room as it is now, or empty when it is gone: what a chat node tells the people in it after a
     * {@link org.parley.chat.application.events.RoomChange}. No caller: the chat service asks, for those it already
     * let in.
     */
    public Optional<RoomView> current(String roomUri) {
        return rooms.find(RoomUri.parse(roomUri)).map(RoomView::of);
    }

    public RoomView find(String actorUri, String roomUri) {
        return RoomView.of(visible(callers.actor(actorUri), roomUri));
    }

    public RoomView findByName(String actorUri, String name) {
        Actor actor = callers.actor(actorUri);
        return rooms.findByName(name)
                .filter(room -> room.canSee(actor))
                .map(RoomView::of)
                .orElseThrow(() -> ChatException.notFound("no room " + name));
    }

    public RoomRolesView roles(String actorUri, String roomUri) {
        return RoomRolesView.of(visible(callers.actor(actorUri), roomUri));
    }

    /**
     * Which of {@code userUris} manage the room by its rule ({@link Room#isManager}: named themselves,
     * through a group or through their domain, and admitted by the category): what a join announces.
     */
    public Set<String> managersAmong(String actorUri, String roomUri, Collection<String> userUris) {
        Room room = visible(callers.actor(actorUri), roomUri);
        return userUris.stream()
                .filter(user -> room.isManager(callers.subjectOf(SipUri.parse(user))))
                .collect(Collectors.toSet());
    }

    /**
     * The rooms the caller may see whose name contains {@code nameFragment} (ignoring case; empty or null:
     * all), by name, at most the configured search limit (XCCOS chansrch).
     */
    public List<RoomView> search(String actorUri, String nameFragment) {
        Actor actor = callers.actor(actorUri);
        int limit = configuration.searchLimit();
        if (actor.administrator()) {
            return rooms.searchAll(nameFragment, limit).stream()
                    .map(RoomView::of)
                    .toList();
        }
        List<Long> admitting = categories.all().stream()
                .filter(category -> category.permitsMember(actor.subject()))
                .map(Category::id)
                .toList();
        return rooms.searchable(admitting, actor.subject().principals(), nameFragment, limit).stream()
                .filter(room -> room.canSee(actor))
                .map(RoomView::of)
                .toList();
    }

    /** The rooms the caller is a member of (in any role, as the category allows), by name. */
    public List<RoomView> roomsOfMember(String actorUri) {
        return roomsWhere(callers.actor(actorUri), RoomRole.MEMBER, Room::isMember);
    }

    public List<RoomView> roomsManagedBy(String actorUri) {
        return roomsWhere(callers.actor(actorUri), RoomRole.MANAGER, Room::isManager);
    }

    /**
     * The rooms whose role list names the actor (themselves, a group or a domain of theirs), kept where the room's
     * rule ({@code holds}) says they hold the role: the listing finds candidates, the room's rule decides.
     */
    private List<RoomView> roomsWhere(Actor actor, RoomRole role, BiPredicate<Room, Subject> holds) {
        return rooms.listing(actor.subject().principals(), role).stream()
                .filter(room -> holds.test(room, actor.subject()))
                .map(RoomView::of)
                .toList();
    }

    private Room visible(Actor actor, String roomUri) {
        Room room = Found.room(rooms, roomUri);
        if (!room.canSee(actor)) {
            throw ChatException.notFound("no room " + roomUri);
        }
        return room;
    }

    private void requireFreeName(String name, Room except) {
        if (name != null && rooms.nameInUse(name, except)) {
            throw ChatException.conflict("a room named " + name + " exists");
        }
    }
}
