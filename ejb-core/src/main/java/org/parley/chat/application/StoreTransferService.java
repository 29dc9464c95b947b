package org.parley.chat.application;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.application.dto.store.ExportFilter;
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
import org.parley.chat.domain.model.addin.AddInRepository;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRepository;
import org.parley.chat.domain.model.category.CategoryRole;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.domain.model.file.FileRecord;
import org.parley.chat.domain.model.file.FileRecordRepository;
import org.parley.chat.domain.model.message.MessageRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomSettings;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.ChatPolicyRepository;
import org.parley.chat.domain.model.user.ChatUserRepository;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.UserGroupRepository;

/**
 * Exporting and importing a chat store (docs/export-format.md), administrators only.
 * <p>
 * Export is read piecewise ({@link #outline}, then {@link #messages} page by page and {@link #files}), each piece
 * in its own transaction, so a big history never sits in memory; it is therefore no point-in-time snapshot of a
 * store in use. A filter ({@link ExportFilter}) takes some rooms, categories and dates. Import ({@link StoreImport})
 * reads the document as it goes, one room at a time, in one transaction: all of the document or nothing. Mode add
 * only adds: what the store already has (a policy, group or add-in of that name, a user of that URI, a category of
 * that GUID or name, a room of that GUID) is kept as stored, with its history, so importing a document again
 * changes nothing. Mode update also makes what exists as the document says. A new room whose name another room
 * has is a CONFLICT, and nothing is imported.
 */
@Stateless
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

    @Inject
    FileRecordRepository files;

    @Inject
    RoomChanges roomChanges;

    /** A dry run's import is rolled back once it has counted everything. */
    @Resource
    TransactionSynchronizationRegistry transactions;

    public StoreTransferService() {}

    StoreTransferService(
            Callers callers,
            ChatPolicyRepository policies,
            ChatUserRepository users,
            UserGroupRepository groups,
            CategoryRepository categories,
            RoomRepository rooms,
            MessageRepository messages,
            ChatConfiguration configuration,
            Clock clock,
            ComplianceRecorder compliance,
            AccessChanges accessChanges,
            AddInRepository addIns,
            FileRecordRepository files,
            TransactionSynchronizationRegistry transactions,
            RoomChanges roomChanges) {
        this.roomChanges = roomChanges;
        this.addIns = addIns;
        this.files = files;
        this.transactions = transactions;
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

    /** The whole store's outline (see {@link #outline(String, ExportFilter)}). */
    public StoreDocument outline(String actorUri) {
        return outline(actorUri, ExportFilter.everything());
    }

    /**
     * Everything but the messages and files: policies, users, groups, add-ins, and the categories and rooms the
     * filter takes, with their role lists, retentions and add-ins.
     */
    public StoreDocument outline(String actorUri, ExportFilter filter) {
        administrator(actorUri);
        List<ExportedPolicy> policyList = policies.all().stream()
                .map(policy -> new ExportedPolicy(policy.name(), policy.enablesChat()))
                .toList();
        List<ExportedUser> userList = users.all().stream()
                .map(user -> new ExportedUser(
                        user.uri().value(),
                        user.isAdministrator(),
                        user.ownPolicy() == null ? null : user.ownPolicy().name()))
                .toList();
        List<ExportedGroup> groupList = groups.all().stream()
                .map(group -> new ExportedGroup(
                        group.name(),
                        group.description(),
                        group.members().stream().map(SipUri::value).sorted().toList()))
                .toList();
        List<ExportedRoom> roomList = rooms.allUris().stream()
                .map(uri -> rooms.find(uri).orElseThrow())
                .filter(room -> filter.takes(
                        room.uri().toString(), room.category().uri().toString()))
                .map(StoreTransferService::exported)
                .toList();
        Set<String> categoriesTaken = new HashSet<>(filter.categoryUris());
        roomList.forEach(room -> categoriesTaken.add(room.categoryUri()));
        List<ExportedCategory> categoryList = categories.all().stream()
                .filter(category -> filter.allRooms()
                        || categoriesTaken.contains(category.uri().toString()))
                .map(StoreTransferService::exported)
                .toList();
        // The export goes on to read the rooms' messages with their text (messages(), page by page): it is
        // recorded once, here, where it starts and is still refused for anyone but an administrator.
        compliance.record(ComplianceEvent.of(
                ComplianceEventType.STORE_EXPORTED,
                null,
                null,
                actorUri,
                clock.instant(),
                null,
                Map.of("rooms", Integer.toString(roomList.size()), "filter", filter.describe())));
        List<ExportedAddIn> addInList = addIns.all().stream()
                .map(addIn -> new ExportedAddIn(addIn.name(), addIn.url()))
                .toList();
        return new StoreDocument(
                StoreDocument.FORMAT,
                StoreDocument.VERSION,
                clock.instant(),
                configuration.domain(),
                policyList,
                userList,
                groupList,
                categoryList,
                roomList,
                addInList);
    }

    /** The room's messages after sequence number {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<ExportedMessage> messages(String actorUri, String roomUri, long afterSeq, int limit) {
        return messages(actorUri, roomUri, afterSeq, limit, ExportFilter.everything());
    }

    /** As {@link #messages(String, String, long, int)}, only those stored within the filter's dates. */
    public List<ExportedMessage> messages(
            String actorUri, String roomUri, long afterSeq, int limit, ExportFilter filter) {
        administrator(actorUri);
        return messages.after(Found.room(rooms, roomUri), afterSeq, filter.from(), filter.to(), limit).stream()
                .map(message -> new ExportedMessage(
                        message.seq(),
                        message.author().value(),
                        message.text(),
                        message.clientTime(),
                        message.serverTime()))
                .toList();
    }

    /**
     * The files of the room the filter's dates take (uploaded within them), oldest first, each with the storage key
     * its bytes are kept under.
     */
    public List<ExportedFile> files(String actorUri, String roomUri, ExportFilter filter) {
        administrator(actorUri);
        return files.of(Found.room(rooms, roomUri)).stream()
                .filter(file -> (filter.from() == null || !file.uploadedAt().isBefore(filter.from()))
                        && (filter.to() == null || file.uploadedAt().isBefore(filter.to())))
                .sorted(Comparator.comparing(FileRecord::uploadedAt).thenComparing(FileRecord::id))
                .map(file -> new ExportedFile(
                        roomUri,
                        file.fileName(),
                        file.contentType(),
                        file.sizeBytes(),
                        file.sha256(),
                        file.uploader().value(),
                        file.uploadedAt(),
                        file.storageKey()))
                .toList();
    }

    /** Adds what a whole document in memory has and the store lacks (see {@link #importStore(String, StoreReader, ImportOptions)}). */
    public ImportReport importStore(String actorUri, StoreDocument document) {
        return importStore(actorUri, StoreReader.of(document), ImportOptions.ADD);
    }

    /**
     * Imports a document read piece by piece, in one transaction: all of it or nothing. Mode add only adds what the
     * store lacks; mode update also makes what it has as the document says. A dry run does all of it, reports it
     * and rolls it back.
     */
    public ImportReport importStore(String actorUri, StoreReader document, ImportOptions options) {
        ImportReport report = new StoreImport(this, administrator(actorUri), options).run(document);
        if (options.dryRun()) {
            transactions.setRollbackOnly();
        }
        return report;
    }

    private static ExportedCategory exported(Category category) {
        CategorySettings settings = category.settings();
        return new ExportedCategory(
                category.uri().toString(),
                settings.name(),
                settings.description(),
                settings.invitationsAllowed(),
                settings.fileUploadAllowed(),
                settings.chatHistoryEnabled(),
                category.createdAt(),
                written(category.members(CategoryRole.ALLOWED_MEMBER)),
                written(category.members(CategoryRole.DENIED_MEMBER)),
                written(category.members(CategoryRole.CREATOR)),
                category.retentionDays());
    }

    private static ExportedRoom exported(Room room) {
        RoomSettings settings = room.settings();
        return new ExportedRoom(
                room.uri().toString(),
                room.category().uri().toString(),
                settings.name(),
                settings.description(),
                settings.topic(),
                settings.privacy(),
                settings.type(),
                settings.invitations(),
                room.isDisabled(),
                room.createdAt(),
                room.lastMessageSeq(),
                written(room.holders(RoomRole.MEMBER)),
                written(room.holders(RoomRole.MANAGER)),
                written(room.holders(RoomRole.PRESENTER)),
                List.of(),
                room.ownRetentionDays(),
                room.addIn() == null ? null : room.addIn().name());
    }

    private static List<String> written(Collection<Principal> principals) {
        return principals.stream().map(Principal::toString).sorted().toList();
    }

    private Actor administrator(String actorUri) {
        Actor actor = callers.actor(actorUri);
        actor.requireAdministrator("export or import the chat store");
        return actor;
    }
}
