package org.parley.chat.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.application.dto.CategoryView;
import org.parley.chat.application.dto.NewCategory;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRepository;
import org.parley.chat.domain.model.category.CategoryRole;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.domain.model.category.CategoryUri;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.shared.ChatException;

/** Categories: administrators create and change them; anyone may list them. */
@Stateless
public class CategoryService {

    @Inject
    Callers callers;

    @Inject
    CategoryRepository categories;

    @Inject
    ChatConfiguration configuration;

    @Inject
    Clock clock;

    @Inject
    AccessChanges accessChanges;

    @Inject
    RoomRepository rooms;

    @Inject
    RoomChanges roomChanges;

    public CategoryService() {}

    @Inject
    RoomMoves moves;

    CategoryService(
            Callers callers,
            CategoryRepository categories,
            ChatConfiguration configuration,
            Clock clock,
            AccessChanges accessChanges,
            RoomRepository rooms,
            ComplianceRecorder compliance,
            RoomChanges roomChanges) {
        this.roomChanges = roomChanges;
        this.rooms = rooms;
        this.accessChanges = accessChanges;
        this.callers = callers;
        this.categories = categories;
        this.configuration = configuration;
        this.clock = clock;
        this.moves = new RoomMoves(rooms, accessChanges, roomChanges, compliance, clock);
    }

    public CategoryView createCategory(String actorUri, NewCategory newCategory) {
        Actor actor = callers.actor(actorUri);
        if (categories.nameInUse(newCategory.settings().name())) {
            throw ChatException.conflict(
                    "a category named " + newCategory.settings().name() + " exists");
        }
        Category category = Category.create(
                actor,
                new CategoryUri(configuration.domain(), UUID.randomUUID()),
                newCategory.settings(),
                clock.instant());
        grantAll(actor, category, CategoryRole.ALLOWED_MEMBER, newCategory.allowedMembers());
        grantAll(actor, category, CategoryRole.DENIED_MEMBER, newCategory.deniedMembers());
        grantAll(actor, category, CategoryRole.CREATOR, newCategory.creators());
        categories.add(category);
        return CategoryView.of(category);
    }

    /** @param expectedVersion the version the caller read (ETag), or null to overwrite whatever is stored */
    public CategoryView updateCategory(
            String actorUri, String categoryUri, CategorySettings settings, Long expectedVersion) {
        Actor actor = callers.actor(actorUri);
        Category category = Found.category(categories, categoryUri);
        Versions.require(expectedVersion, category.version());
        categories
                .findByName(settings.name())
                .filter(other -> other != category)
                .ifPresent(other -> {
                    throw ChatException.conflict("a category named " + settings.name() + " exists");
                });
        CategorySettings before = category.settings();
        category.change(actor, settings);
        categories.store(category);
        // Its rooms show the category's switches as their own (chanib props invite, filepost, logged).
        if (before.invitationsAllowed() != settings.invitationsAllowed()
                || before.fileUploadAllowed() != settings.fileUploadAllowed()
                || before.chatHistoryEnabled() != settings.chatHistoryEnabled()) {
            // The switches are among the rules the posts judge by from memory (CategoryRulesCache): forgotten here.
            accessChanges.category(category);
            roomChanges.category(category);
        }
        return CategoryView.of(category);
    }

    /** @param principal {@code sip:user@domain}, {@code group:name} or {@code domain:name} */
    public CategoryView grant(String actorUri, String categoryUri, CategoryRole role, String principal) {
        return changeRoles(
                categoryUri,
                role != CategoryRole.CREATOR,
                category -> category.grant(callers.actor(actorUri), role, Principal.parse(principal)));
    }

    public CategoryView revoke(String actorUri, String categoryUri, CategoryRole role, String principal) {
        return changeRoles(
                categoryUri,
                role != CategoryRole.CREATOR,
                category -> category.revoke(callers.actor(actorUri), role, Principal.parse(principal)));
    }

    /**
     * @param membersChange whether the change is to who may be in the category's rooms (its allowed or denied
     *                      members): then it is an access change ({@link AccessChanges}), which lets go at once
     *                      whoever lost the category and makes every node forget the rules its posts judge by from
     *                      memory, whether the change narrows or widens
     */
    private CategoryView changeRoles(String categoryUri, boolean membersChange, Consumer<Category> change) {
        Category category = Found.category(categories, categoryUri);
        change.accept(category);
        categories.store(category);
        if (membersChange) {
            accessChanges.category(category);
        }
        return CategoryView.of(category);
    }

    public CategoryView find(String categoryUri) {
        return CategoryView.of(Found.category(categories, categoryUri));
    }

    public CategoryView findByName(String name) {
        return CategoryView.of(
                categories.findByName(name).orElseThrow(() -> ChatException.notFound("no category " + name)));
    }

    /** The category the server was seeded with (XCCOS {@code rootUri}), found by its name. */
    public CategoryView root() {
        return findByName(Category.ROOT_NAME);
    }

    public List<CategoryView> categories() {
        return categories.all().stream().map(CategoryView::of).toList();
    }

    /**
     * Every category as {@code viewerUri} may see it: whom a category allows, denies and lets create rooms is
     * for administrators; everyone else gets its name, description and switches (to pick one for a room).
     */
    public List<CategoryView> categories(String viewerUri) {
        boolean administrator = callers.isAdministrator(viewerUri);
        return categories.all().stream()
                .map(category -> shownTo(administrator, category))
                .toList();
    }

    /** One category as {@code viewerUri} may see it (see {@link #categories(String)}). */
    public CategoryView find(String viewerUri, String categoryUri) {
        return shownTo(callers.isAdministrator(viewerUri), Found.category(categories, categoryUri));
    }

    /**
     * Removes a category (Remove-CsPersistentChatCategory): one without rooms, or, naming {@code moveRoomsTo}, one
     * whose rooms move to that category in the same transaction (each move recorded as a room change, and the
     * rights it changes reaching the rooms at once, as {@link RoomService#moveToCategory}). The Root category stays:
     * clients are given it as the server's rootUri.
     *
     * @param expectedVersion the version the caller read (ETag), or null to remove whatever is stored
     * @return how many rooms moved
     */
    public int removeCategory(String actorUri, String categoryUri, String moveRoomsTo, Long expectedVersion) {
        Actor actor = callers.actor(actorUri);
        actor.requireAdministrator("remove a category");
        Category category = Found.category(categories, categoryUri);
        Versions.require(expectedVersion, category.version());
        if (category.isRoot()) {
            throw ChatException.conflict("the Root category cannot be removed: clients are given it as rootUri");
        }
        List<Room> inIt = rooms.inCategory(category);
        if (!inIt.isEmpty()) {
            if (moveRoomsTo == null || moveRoomsTo.isBlank()) {
                throw ChatException.conflict("category " + category.name() + " has " + inIt.size()
                        + " rooms: name a category to move them to");
            }
            Category target = Found.category(categories, moveRoomsTo);
            if (target.id().equals(category.id())) {
                throw ChatException.invalid("the rooms of category " + category.name() + " cannot move to itself");
            }
            for (Room room : inIt) {
                moves.move(actor, room, target, Map.of("reason", "category removed"));
            }
        }
        categories.remove(category);
        return inIt.size();
    }

    /**
     * Whether the user may create rooms in some category (XCCOS cmd:nodespermcreatechild): an administrator may, and
     * so may anyone a category's creators name and its members rule lets in.
     */
    public boolean mayCreateRooms(String userUri) {
        Actor actor = callers.participant(userUri);
        return actor.administrator()
                || categories.all().stream().anyMatch(category -> category.permitsCreator(actor.subject()));
    }

    private static CategoryView shownTo(boolean administrator, Category category) {
        CategoryView view = CategoryView.of(category);
        return administrator ? view : view.withoutPrincipals();
    }

    private static void grantAll(Actor actor, Category category, CategoryRole role, Set<String> principals) {
        if (principals != null) {
            principals.forEach(principal -> category.grant(actor, role, Principal.parse(principal)));
        }
    }
}
