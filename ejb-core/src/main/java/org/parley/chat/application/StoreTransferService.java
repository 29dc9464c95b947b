package org.parley.chat.application;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.application.dto.store.ExportedAddIn;
import org.parley.chat.application.dto.store.ExportedCategory;
import org.parley.chat.application.dto.store.ExportedGroup;
import org.parley.chat.application.dto.store.ExportedMessage;
import org.parley.chat.application.dto.store.ExportedPolicy;
import org.parley.chat.application.dto.store.ExportedRoom;
import org.parley.chat.application.dto.store.ExportedUser;
import org.parley.chat.application.dto.store.ImportReport;
import org.parley.chat.application.dto.store.StoreDocument;
import org.parley.chat.domain.model.addin.AddIn;
import org.parley.chat.domain.model.addin.AddInRepository;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRepository;
import org.parley.chat.domain.model.category.CategoryRole;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.domain.model.category.CategoryUri;
import org.parley.chat.domain.model.message.Message;
import org.parley.chat.domain.model.message.MessageRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomSettings;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.domain.model.user.ChatPolicyRepository;
import org.parley.chat.domain.model.user.ChatUser;
import org.parley.chat.domain.model.user.ChatUserRepository;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.UserGroup;
import org.parley.chat.domain.model.user.UserGroupRepository;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.infrastructure.persistence.jpa.PersistenceExceptionTranslator;

/**
 * Exporting and importing a chat store (docs/export-format.md), administrators only.
 * <p>
 * Export is read piecewise ({@link #outline}, then {@link #messages} page by page), each piece in its own
 * transaction, so a big history never sits in memory; it is therefore no point-in-time snapshot of a store
 * in use. Import is one transaction: all of the document or nothing. It only adds: what the store already
 * has (a policy, group or add-in of that name, a user of that URI, a category of that GUID or name, a room of that
 * GUID) is kept as stored, with its history, so importing a document again changes nothing. A new room whose
 * name another room has is a CONFLICT, and nothing is imported.
 */
@Stateless
@Interceptors(PersistenceExceptionTranslator.class)
public class StoreTransferService {

    @Inject
    Callers callers;

    @Inject
    ChatPolicyRepository policies;

    @Inject
    ChatUserRepository users;

    @Inject
    UserGroupRepository groups;

    @Inject
    CategoryRepository categories;

    @Inject
    RoomRepository rooms;

    @Inject
    MessageRepository messages;

    @Inject
    ChatConfiguration configuration;

    @Inject
    Clock clock;

    @Inject
    ComplianceRecorder compliance;

    @Inject
    AccessChanges accessChanges;

    @Inject
    AddInRepository addIns;

    public StoreTransferService() {
    }

    StoreTransferService(Callers callers, ChatPolicyRepository policies, ChatUserRepository users,
                         UserGroupRepository groups, CategoryRepository categories, RoomRepository rooms,
                         MessageRepository messages, ChatConfiguration configuration, Clock clock,
                         ComplianceRecorder compliance, AccessChanges accessChanges, AddInRepository addIns) {
        this.addIns = addIns;
        this.callers = callers;
        this.policies = policies;
        this.users = users;
        this.groups = groups;
        this.categories = categories;
        this.rooms = rooms;
        this.messages = messages;
        this.configuration = configuration;
        this.clock = clock;
        this.compliance = compliance;
        this.accessChanges = accessChanges;
    }

    /**
     * Everything but the messages: policies, users, groups, add-ins, categories and rooms with their role lists,
     * retentions and add-ins.
     */
    public StoreDocument outline(String actorUri) {
        administrator(actorUri);
        List<ExportedPolicy> policyList = policies.all().stream()
                .map(policy -> new ExportedPolicy(policy.name(), policy.enablesChat())).toList();
        List<ExportedUser> userList = users.all().stream()
                .map(user -> new ExportedUser(user.uri().value(), user.isAdministrator(),
                        user.ownPolicy() == null ? null : user.ownPolicy().name())).toList();
        List<ExportedGroup> groupList = groups.all().stream()
                .map(group -> new ExportedGroup(group.name(), group.description(),
                        group.members().stream().map(SipUri::value).sorted().toList())).toList();
        List<ExportedCategory> categoryList = categories.all().stream().map(StoreTransferService::exported).toList();
        List<ExportedRoom> roomList = rooms.allUris().stream()
                .map(uri -> exported(rooms.find(uri).orElseThrow())).toList();
        // The export goes on to read every room's messages with their text (messages(), page by page): it is
        // recorded once, here, where it starts and is still refused for anyone but an administrator.
        compliance.record(ComplianceEvent.of(ComplianceEventType.STORE_EXPORTED, null, null, actorUri, clock.instant(),
                null, Map.of("rooms", Integer.toString(roomList.size()))));
        List<ExportedAddIn> addInList = addIns.all().stream()
                .map(addIn -> new ExportedAddIn(addIn.name(), addIn.url())).toList();
        return new StoreDocument(StoreDocument.FORMAT, StoreDocument.VERSION, clock.instant(), configuration.domain(),
                policyList, userList, groupList, categoryList, roomList, addInList);
    }

    /** The room's messages after sequence number {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<ExportedMessage> messages(String actorUri, String roomUri, long afterSeq, int limit) {
        administrator(actorUri);
        Room room = rooms.find(RoomUri.parse(roomUri)).orElseThrow(() -> ChatException.notFound("no room " + roomUri));
        return messages.after(room, afterSeq, limit).stream()
                .map(message -> new ExportedMessage(message.seq(), message.author().value(), message.text(),
                        message.clientTime(), message.serverTime()))
                .toList();
    }

    public ImportReport importStore(String actorUri, StoreDocument document) {
        Actor actor = administrator(actorUri);
        if (document == null || !StoreDocument.FORMAT.equals(document.format())
                || document.version() == null || document.version() != StoreDocument.VERSION) {
            throw ChatException.invalid("not a " + StoreDocument.FORMAT + " document of version "
                    + StoreDocument.VERSION);
        }
        Counts counts = new Counts();
        for (ExportedPolicy policy : document.policies()) {
            if (policies.findByName(required(policy.name(), "policy name")).isPresent()) {
                counts.kept++;
            } else {
                policies.add(ChatPolicy.define(actor, policy.name(), policy.chatEnabled()));
                counts.policies++;
            }
        }
        for (ExportedGroup group : document.groups()) {
            if (groups.findByName(required(group.name(), "group name")).isPresent()) {
                counts.kept++;
                continue;
            }
            UserGroup created = UserGroup.create(actor, group.name(), group.description());
            group.members().forEach(member -> created.addMember(actor, SipUri.parse(member)));
            groups.add(created);
            counts.groups++;
        }
        for (ExportedAddIn addIn : document.addIns()) {
            if (addIns.findByName(required(addIn.name(), "add-in name")).isPresent()) {
                counts.kept++;
            } else {
                addIns.add(AddIn.register(actor, addIn.name(), addIn.url()));
            }
        }
        for (ExportedUser user : document.users()) {
            SipUri uri = SipUri.parse(user.uri());
            if (users.find(uri).isPresent()) {
                counts.kept++;
                continue;
            }
            ChatUser created = new ChatUser(uri);
            created.setAdministrator(actor, user.administrator());
            if (user.policy() != null) {
                created.assignPolicy(actor, policies.findByName(user.policy())
                        .orElseThrow(() -> ChatException.invalid("user " + uri + " has policy " + user.policy()
                                + ", which neither the document nor the store defines")));
            }
            users.add(created);
            counts.users++;
        }
        // Imported groups and users may name users of this store: who they are may have changed.
        accessChanges.everyone();
        Map<String, Category> categoryByUri = new HashMap<>();
        for (ExportedCategory category : document.categories()) {
            CategoryUri uri = CategoryUri.parse(required(category.uri(), "category uri"));
            Category existing = categories.find(uri).or(() -> categories.findByName(category.name())).orElse(null);
            if (existing != null) {
                counts.kept++;
                categoryByUri.put(category.uri(), existing);
                continue;
            }
            Category created = Category.create(actor, uri, new CategorySettings(category.name(), category.description(),
                    category.invitationsAllowed(), category.fileUploadAllowed(), category.chatHistoryEnabled()),
                    required(category.createdAt(), "category createdAt"));
            principals(category.allowedMembers()).forEach(p -> created.grant(actor, CategoryRole.ALLOWED_MEMBER, p));
            principals(category.deniedMembers()).forEach(p -> created.grant(actor, CategoryRole.DENIED_MEMBER, p));
            principals(category.creators()).forEach(p -> created.grant(actor, CategoryRole.CREATOR, p));
            created.keepHistoryFor(actor, category.retentionDays());
            categories.add(created);
            categoryByUri.put(category.uri(), created);
            counts.categories++;
        }
        Set<String> namesInDocument = new HashSet<>();
        for (ExportedRoom room : document.rooms()) {
            RoomUri uri = RoomUri.parse(required(room.uri(), "room uri"));
            if (!namesInDocument.add(Room.keyOf(required(room.name(), "room name")))) {
                throw ChatException.invalid("the document has two rooms named " + room.name());
            }
            if (rooms.find(uri).isPresent()) {
                counts.kept++;
                continue;
            }
            if (rooms.nameInUse(room.name(), null)) {
                throw ChatException.conflict("room " + room.name() + " (" + uri + ") is new, but a room of that name"
                        + " exists; nothing was imported");
            }
            Category category = categoryByUri.computeIfAbsent(room.categoryUri(), categoryUri -> categories
                    .find(CategoryUri.parse(categoryUri))
                    .orElseThrow(() -> ChatException.invalid("room " + room.name() + " is in category "
                            + categoryUri + ", which neither the document nor the store has")));
            Room created = Room.restore(actor, category, uri.guid(), new RoomSettings(room.name(), room.description(),
                            room.topic(), room.privacy(), room.type(), room.invitations()), room.disabled(),
                    principals(room.members()), principals(room.managers()), principals(room.presenters()),
                    room.lastMessageSeq(), required(room.createdAt(), "room createdAt"));
            created.keepHistoryFor(actor, room.retentionDays());
            if (room.addIn() != null) {
                created.useAddIn(actor, addIns.findByName(room.addIn()).orElseThrow(() -> ChatException.invalid("room "
                        + room.name() + " has add-in " + room.addIn() + ", which neither the document nor the store has")));
            }
            rooms.add(created);
            counts.rooms++;
            Set<Long> seqs = new HashSet<>();
            for (ExportedMessage message : room.messages()) {
                if (message.seq() < 1 || message.seq() > room.lastMessageSeq() || !seqs.add(message.seq())) {
                    throw ChatException.invalid("room " + room.name() + ": message " + message.seq()
                            + " is repeated or outside 1.." + room.lastMessageSeq());
                }
                messages.add(new Message(created, message.seq(), SipUri.parse(message.author()),
                        Message.checkedText(message.text()), message.clientTime(),
                        required(message.serverTime(), "message serverTime")));
                counts.messages++;
            }
        }
        return new ImportReport(counts.policies, counts.users, counts.groups, counts.categories, counts.rooms,
                counts.messages, counts.kept);
    }

    private static ExportedCategory exported(Category category) {
        CategorySettings settings = category.settings();
        return new ExportedCategory(category.uri().toString(), settings.name(), settings.description(),
                settings.invitationsAllowed(), settings.fileUploadAllowed(), settings.chatHistoryEnabled(),
                category.createdAt(), written(category.members(CategoryRole.ALLOWED_MEMBER)),
                written(category.members(CategoryRole.DENIED_MEMBER)), written(category.members(CategoryRole.CREATOR)),
                category.retentionDays());
    }

    private static ExportedRoom exported(Room room) {
        RoomSettings settings = room.settings();
        return new ExportedRoom(room.uri().toString(), room.category().uri().toString(), settings.name(),
                settings.description(), settings.topic(), settings.privacy(), settings.type(), settings.invitations(),
                room.isDisabled(), room.createdAt(), room.lastMessageSeq(), written(room.holders(RoomRole.MEMBER)),
                written(room.holders(RoomRole.MANAGER)), written(room.holders(RoomRole.PRESENTER)), List.of(),
                room.ownRetentionDays(), room.addIn() == null ? null : room.addIn().name());
    }

    private static List<String> written(Collection<Principal> principals) {
        return principals.stream().map(Principal::toString).sorted().toList();
    }

    private static Set<Principal> principals(List<String> written) {
        Set<Principal> parsed = new LinkedHashSet<>();
        written.forEach(text -> parsed.add(Principal.parse(text)));
        return parsed;
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw ChatException.invalid("the document lacks a " + what);
        }
        return value;
    }

    private Actor administrator(String actorUri) {
        Actor actor = callers.actor(actorUri);
        actor.requireAdministrator("export or import the chat store");
        return actor;
    }

    private static final class Counts {
        int policies;
        int users;
        int groups;
        int categories;
        int rooms;
        long messages;
        int kept;
    }
}
