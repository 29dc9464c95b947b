package org.parley.chat.application;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.dto.store.ExportedAddIn;
import org.parley.chat.application.dto.store.ExportedCategory;
import org.parley.chat.application.dto.store.ExportedFile;
import org.parley.chat.application.dto.store.ExportedGroup;
import org.parley.chat.application.dto.store.ExportedMessage;
import org.parley.chat.application.dto.store.ExportedPolicy;
import org.parley.chat.application.dto.store.ExportedRoom;
import org.parley.chat.application.dto.store.ExportedUser;
import org.parley.chat.application.dto.store.ImportOptions;
import org.parley.chat.application.dto.store.ImportReport;
import org.parley.chat.application.dto.store.StoreDocument;
import org.parley.chat.application.dto.store.StoreReader;
import org.parley.chat.domain.model.addin.AddIn;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRole;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.domain.model.category.CategoryUri;
import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.domain.model.file.FileRecord;
import org.parley.chat.domain.model.message.Message;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomSettings;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.domain.model.user.ChatUser;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.UserGroup;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.Name;

/**
 * One import of a chat store document ({@link StoreTransferService#importStore}), in the order its references
 * need: policies and add-ins, then groups and users, categories, rooms one at a time with their messages, files.
 * What the store lacks is added; what it has is kept, or (mode update) made as the document says. Every change is
 * counted and the first of them named for the report; progress is logged every {@value #LOG_EVERY_ROOMS} rooms, as
 * an import of a large store takes a while.
 */
final class StoreImport {

    private static final Logger LOG = Logger.getLogger(StoreImport.class.getName());
    private static final int LOG_EVERY_ROOMS = 100;

    private final StoreTransferService store;
    private final Actor actor;
    private final ImportOptions options;

    private final Map<String, Category> categoryByUri = new HashMap<>();
    private final Set<String> roomNamesInDocument = new HashSet<>();
    private final List<String> changes = new ArrayList<>();
    private int policies;
    private int users;
    private int groups;
    private int addIns;
    private int categories;
    private int rooms;
    private long messages;
    private int files;
    private int updated;
    private int kept;

    StoreImport(StoreTransferService store, Actor actor, ImportOptions options) {
        this.store = store;
        this.actor = actor;
        this.options = options;
    }

    ImportReport run(StoreReader reader) {
        StoreDocument outline = reader.outline();
        if (outline == null
                || !StoreDocument.FORMAT.equals(outline.format())
                || outline.version() == null
                || outline.version() != StoreDocument.VERSION) {
            throw ChatException.invalid(
                    "not a " + StoreDocument.FORMAT + " document of version " + StoreDocument.VERSION);
        }
        LOG.info(() -> "Import (" + options.mode() + (options.dryRun() ? ", dry run" : "") + ") by " + actor.uri()
                + ": " + outline.policies().size() + " policies, "
                + outline.users().size() + " users, "
                + outline.groups().size() + " groups, " + outline.categories().size() + " categories");
        outline.policies().forEach(this::policy);
        outline.addIns().forEach(this::addIn);
        outline.groups().forEach(this::group);
        outline.users().forEach(this::user);
        // Imported groups and users may name users of this store: who they are may have changed.
        store.accessChanges.everyone();
        outline.categories().forEach(this::category);
        int roomsRead = 0;
        for (Optional<ExportedRoom> room; (room = reader.nextRoom()).isPresent(); ) {
            room(room.get());
            if (++roomsRead % LOG_EVERY_ROOMS == 0) {
                int soFar = roomsRead;
                LOG.info(() -> "Import: " + soFar + " rooms read, " + messages + " messages added so far");
            }
        }
        for (Optional<ExportedFile> file; (file = reader.nextFile()).isPresent(); ) {
            file(file.get());
        }
        ImportReport report = new ImportReport(
                options.mode(),
                options.dryRun(),
                policies,
                users,
                groups,
                addIns,
                categories,
                rooms,
                messages,
                files,
                updated,
                kept,
                changes);
        store.compliance.record(ComplianceEvent.of(
                ComplianceEventType.STORE_IMPORTED,
                null,
                null,
                actor.uri().value(),
                store.clock.instant(),
                null,
                Map.of(
                        "mode",
                        options.mode(),
                        "rooms",
                        Integer.toString(rooms),
                        "updated",
                        Integer.toString(updated),
                        "messages",
                        Long.toString(messages),
                        "files",
                        Integer.toString(files))));
        int roomCount = roomsRead;
        LOG.info(() ->
                "Import " + (options.dryRun() ? "dry run " : "") + "done: " + roomCount + " rooms read; " + report);
        return report;
    }

    private void policy(ExportedPolicy policy) {
        Optional<ChatPolicy> existing = store.policies.findByName(required(policy.name(), "policy name"));
        if (existing.isEmpty()) {
            store.policies.add(ChatPolicy.define(actor, policy.name(), policy.chatEnabled()));
            policies++;
        } else if (options.update() && existing.get().enablesChat() != policy.chatEnabled()) {
            existing.get().change(actor, policy.chatEnabled());
            changed("policy " + policy.name(), List.of(policy.chatEnabled() ? "chat on" : "chat off"));
        } else {
            kept++;
        }
    }

    private void addIn(ExportedAddIn addIn) {
        Optional<AddIn> existing = store.addIns.findByName(required(addIn.name(), "add-in name"));
        if (existing.isEmpty()) {
            store.addIns.add(AddIn.register(actor, addIn.name(), addIn.url()));
            addIns++;
        } else if (options.update() && !existing.get().url().equals(addIn.url())) {
            existing.get().moveTo(actor, addIn.url());
            changed("add-in " + addIn.name(), List.of("url"));
        } else {
            kept++;
        }
    }

    private void group(ExportedGroup group) {
        Optional<UserGroup> existing = store.groups.findByName(required(group.name(), "group name"));
        Set<SipUri> members = new LinkedHashSet<>();
        group.members().forEach(member -> members.add(SipUri.parse(member)));
        if (existing.isEmpty()) {
            UserGroup created = UserGroup.create(actor, group.name(), group.description());
            members.forEach(member -> created.addMember(actor, member));
            store.groups.add(created);
            groups++;
            return;
        }
        UserGroup stored = existing.get();
        List<String> what = new ArrayList<>();
        if (options.update() && !stored.members().equals(members)) {
            stored.members().stream()
                    .filter(member -> !members.contains(member))
                    .forEach(member -> stored.removeMember(actor, member));
            members.forEach(member -> stored.addMember(actor, member));
            what.add("members");
        }
        if (options.update() && !Objects.equals(stored.description(), group.description())) {
            stored.describe(actor, group.description());
            what.add("description");
        }
        changedOrKept("group " + group.name(), what);
    }

    private void user(ExportedUser user) {
        SipUri uri = SipUri.parse(required(user.uri(), "user uri"));
        ChatPolicy policy = user.policy() == null
                ? null
                : store.policies
                        .findByName(user.policy())
                        .orElseThrow(() -> ChatException.invalid("user " + uri + " has policy " + user.policy()
                                + ", which neither the document nor the store defines"));
        Optional<ChatUser> existing = store.users.find(uri);
        if (existing.isEmpty()) {
            ChatUser created = new ChatUser(uri);
            created.setAdministrator(actor, user.administrator());
            if (policy != null) {
                created.assignPolicy(actor, policy);
            }
            store.users.add(created);
            users++;
            return;
        }
        ChatUser stored = existing.get();
        List<String> what = new ArrayList<>();
        if (options.update() && stored.isAdministrator() != user.administrator()) {
            stored.setAdministrator(actor, user.administrator());
            what.add(user.administrator() ? "administrator" : "no longer administrator");
        }
        String storedPolicy =
                stored.ownPolicy() == null ? null : stored.ownPolicy().name();
        if (options.update() && !Objects.equals(storedPolicy, user.policy())) {
            stored.assignPolicy(actor, policy);
            what.add("policy");
        }
        changedOrKept("user " + uri, what);
    }

    private void category(ExportedCategory category) {
        CategoryUri uri = CategoryUri.parse(required(category.uri(), "category uri"));
        CategorySettings settings = new CategorySettings(
                required(category.name(), "category name"),
                category.description(),
                category.invitationsAllowed(),
                category.fileUploadAllowed(),
                category.chatHistoryEnabled());
        Optional<Category> existing = store.categories.find(uri).or(() -> store.categories.findByName(category.name()));
        if (existing.isEmpty()) {
            Category created =
                    Category.create(actor, uri, settings, required(category.createdAt(), "category createdAt"));
            created.restoreAs(actor, settings, lists(category), category.retentionDays());
            store.categories.add(created);
            categoryByUri.put(category.uri(), created);
            categories++;
            return;
        }
        Category stored = existing.get();
        categoryByUri.put(category.uri(), stored);
        List<String> what = options.update()
                ? stored.restoreAs(actor, settings, lists(category), category.retentionDays())
                : List.of();
        if (!what.isEmpty()) {
            store.accessChanges.category(stored);
            if (what.contains("settings")) {
                store.roomChanges.category(stored);
            }
        }
        changedOrKept("category " + stored.name(), what);
    }

    private void room(ExportedRoom room) {
        RoomUri uri = RoomUri.parse(required(room.uri(), "room uri"));
        if (!roomNamesInDocument.add(Name.keyOf(required(room.name(), "room name")))) {
            throw ChatException.invalid("the document has two rooms named " + room.name());
        }
        Category category = categoryOf(room);
        RoomSettings settings = new RoomSettings(
                room.name(), room.description(), room.topic(), room.privacy(), room.type(), room.invitations());
        Optional<Room> existing = store.rooms.find(uri);
        if (existing.isEmpty()) {
            addRoom(room, uri, category, settings);
            return;
        }
        if (!options.update()) {
            kept++;
            return;
        }
        // Its messages after the store's last go on from there, as posts would: the room's row lock serialises
        // this with the posts of people in the room now.
        Room stored = store.rooms.lockForPosting(uri).orElseThrow();
        if (!Name.keyOf(room.name()).equals(stored.nameKey()) && store.rooms.nameInUse(room.name(), stored)) {
            throw ChatException.conflict("room " + uri + " would be renamed " + room.name()
                    + ", which another room is named; nothing was imported");
        }
        long lastBefore = stored.lastMessageSeq();
        List<String> what = new ArrayList<>(
                stored.restoreAs(actor, category, settings, room.disabled(), roles(room), room.lastMessageSeq()));
        if (!Objects.equals(stored.ownRetentionDays(), room.retentionDays())) {
            stored.keepHistoryFor(actor, room.retentionDays());
            what.add("retention");
        }
        AddIn addIn = addInOf(room);
        if (!Objects.equals(stored.addIn(), addIn)) {
            stored.useAddIn(actor, addIn);
            what.add("add-in");
        }
        long added = addMessages(stored, room, lastBefore);
        if (what.isEmpty() && added == 0) {
            kept++;
            return;
        }
        store.rooms.store(stored);
        store.accessChanges.room(stored);
        if (what.contains("settings") || what.contains("category") || what.contains("add-in")) {
            // The people in it are shown the room anew, as after a change through the API.
            store.roomChanges.room(stored);
        }
        store.compliance.record(ComplianceEvent.of(
                ComplianceEventType.ROOM_CHANGED,
                uri.toString(),
                stored.name(),
                actor.uri().value(),
                store.clock.instant(),
                null,
                Map.of("change", "import", "changed", String.join(", ", what), "messagesAdded", Long.toString(added))));
        changed("room " + stored.name(), what);
    }

    private void addRoom(ExportedRoom room, RoomUri uri, Category category, RoomSettings settings) {
        if (store.rooms.nameInUse(room.name(), null)) {
            throw ChatException.conflict("room " + room.name() + " (" + uri + ") is new, but a room of that name"
                    + " exists; nothing was imported");
        }
        Map<RoomRole, Set<Principal>> roles = roles(room);
        Room created = Room.restore(
                actor,
                category,
                uri.guid(),
                settings,
                room.disabled(),
                roles.get(RoomRole.MEMBER),
                roles.get(RoomRole.MANAGER),
                roles.get(RoomRole.PRESENTER),
                room.lastMessageSeq(),
                required(room.createdAt(), "room createdAt"));
        created.keepHistoryFor(actor, room.retentionDays());
        AddIn addIn = addInOf(room);
        if (addIn != null) {
            created.useAddIn(actor, addIn);
        }
        store.rooms.add(created);
        rooms++;
        addMessages(created, room, 0);
    }

    /** The document's messages of the room numbered after {@code after}, each checked; how many. */
    private long addMessages(Room target, ExportedRoom room, long after) {
        Set<Long> seqs = new HashSet<>();
        long added = 0;
        for (ExportedMessage message : room.messages()) {
            if (message.seq() < 1 || message.seq() > room.lastMessageSeq() || !seqs.add(message.seq())) {
                throw ChatException.invalid("room " + room.name() + ": message " + message.seq()
                        + " is repeated or outside 1.." + room.lastMessageSeq());
            }
            if (message.seq() <= after) {
                continue;
            }
            store.messages.add(new Message(
                    target,
                    message.seq(),
                    SipUri.parse(message.author()),
                    Message.checkedText(message.text()),
                    message.clientTime(),
                    required(message.serverTime(), "message serverTime")));
            added++;
        }
        messages += added;
        return added;
    }

    private void file(ExportedFile file) {
        Room room = store.rooms
                .find(RoomUri.parse(required(file.roomUri(), "file roomUri")))
                .orElseThrow(() -> ChatException.invalid("file " + file.fileName() + " is of room " + file.roomUri()
                        + ", which neither the document nor the store has"));
        boolean present = store.files.of(room).stream()
                .anyMatch(stored -> stored.fileName().equals(file.fileName())
                        && stored.sha256().equalsIgnoreCase(file.sha256())
                        && stored.uploadedAt().equals(required(file.uploadedAt(), "file uploadedAt")));
        if (present) {
            kept++;
            return;
        }
        if (file.storageKey() != null) {
            store.files.add(FileRecord.restore(
                    room,
                    actor,
                    new FileDescription(
                            file.fileName(), file.sizeBytes(), file.sha256(), file.contentType(), file.storageKey()),
                    SipUri.parse(file.uploader()),
                    file.uploadedAt()));
        }
        files++;
    }

    private Category categoryOf(ExportedRoom room) {
        return categoryByUri.computeIfAbsent(required(room.categoryUri(), "room categoryUri"), uri -> store.categories
                .find(CategoryUri.parse(uri))
                .orElseThrow(() -> ChatException.invalid("room " + room.name() + " is in category " + uri
                        + ", which neither the document nor the store has")));
    }

    private AddIn addInOf(ExportedRoom room) {
        return room.addIn() == null
                ? null
                : store.addIns
                        .findByName(room.addIn())
                        .orElseThrow(() -> ChatException.invalid("room " + room.name() + " has add-in " + room.addIn()
                                + ", which neither the document nor the store has"));
    }

    private void changedOrKept(String thing, List<String> what) {
        if (what.isEmpty()) {
            kept++;
        } else {
            changed(thing, what);
        }
    }

    private void changed(String thing, List<String> what) {
        updated++;
        if (changes.size() < ImportReport.MAX_CHANGES) {
            changes.add(thing + ": " + String.join(", ", what));
        }
    }

    private static Map<CategoryRole, Set<Principal>> lists(ExportedCategory category) {
        Map<CategoryRole, Set<Principal>> lists = new EnumMap<>(CategoryRole.class);
        lists.put(CategoryRole.ALLOWED_MEMBER, principals(category.allowedMembers()));
        lists.put(CategoryRole.DENIED_MEMBER, principals(category.deniedMembers()));
        lists.put(CategoryRole.CREATOR, principals(category.creators()));
        return lists;
    }

    private static Map<RoomRole, Set<Principal>> roles(ExportedRoom room) {
        Map<RoomRole, Set<Principal>> roles = new EnumMap<>(RoomRole.class);
        roles.put(RoomRole.MEMBER, principals(room.members()));
        roles.put(RoomRole.MANAGER, principals(room.managers()));
        roles.put(RoomRole.PRESENTER, principals(room.presenters()));
        return roles;
    }

    private static Set<Principal> principals(List<String> written) {
        Set<Principal> parsed = new LinkedHashSet<>();
        written.forEach(text -> parsed.add(Principal.parse(text)));
        return parsed;
    }

    static <T> T required(T value, String what) {
        if (value == null) {
            throw ChatException.invalid("the document lacks a " + what);
        }
        return value;
    }
}
