package org.parley.chat.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.chat.testing.ChatAssertions.assertRefused;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.dto.CategoryView;
import org.parley.chat.application.dto.NewCategory;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.dto.store.ExportFilter;
import org.parley.chat.application.dto.store.ExportedAddIn;
import org.parley.chat.application.dto.store.ExportedCategory;
import org.parley.chat.application.dto.store.ExportedMessage;
import org.parley.chat.application.dto.store.ExportedRoom;
import org.parley.chat.application.dto.store.ImportOptions;
import org.parley.chat.application.dto.store.ImportReport;
import org.parley.chat.application.dto.store.StoreDocument;
import org.parley.chat.application.dto.store.StoreReader;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.shared.ChatException.Reason;

/** Moving rooms between categories, and a store exported and imported into another, empty one. */
class RoomMoveAndStoreTransferTest {

    private static final String ADMIN = ChatStoreHarness.ADMIN;
    private static final String ALICE = "sip:alice@contoso.com";
    private static final String BOB = "sip:bob@contoso.com";
    private static final String CAROL = "sip:carol@contoso.com";

    @RegisterExtension
    static final ChatStoreHarness chat = new ChatStoreHarness();

    private static CategoryView category(ChatStoreHarness store, String name, String... creators) {
        return store.tx(() -> store.categories.createCategory(
                ADMIN,
                new NewCategory(
                        new CategorySettings(name + " " + UUID.randomUUID(), "about " + name, true, false, true),
                        Set.of("domain:contoso.com"),
                        Set.of("sip:mallory@contoso.com"),
                        Set.of(creators))));
    }

    @Test
    void managersMoveRoomsOnlyToCategoriesTheyMayCreateRoomsInAndTheMoveIsRecorded() {
        String root = chat.tx(() -> chat.categories.root()).uri();
        RoomView room = chat.tx(() -> chat.rooms.createRoom(
                ALICE, new NewRoom("Movable " + UUID.randomUUID(), null, root, Privacy.OPEN, RoomType.NORMAL)));
        CategoryView open = category(chat, "Alice may create", ALICE);
        CategoryView closed = category(chat, "Carol only", CAROL);

        assertRefused(
                () -> chat.tx(() -> chat.rooms.moveToCategory(ALICE, room.uri(), closed.uri(), room.version())),
                Reason.FORBIDDEN);
        assertRefused(
                () -> chat.tx(() -> chat.rooms.moveToCategory(BOB, room.uri(), open.uri(), room.version())),
                Reason.FORBIDDEN);
        assertRefused(
                () -> chat.tx(() -> chat.rooms.moveToCategory(ALICE, room.uri(), open.uri(), room.version() + 1)),
                Reason.STALE_VERSION);
        assertRefused(
                () -> chat.tx(() -> chat.rooms.moveToCategory(
                        ALICE, room.uri(), "ma-cat://contoso.com/" + UUID.randomUUID(), null)),
                Reason.NOT_FOUND);
        assertThat(chat.tx(() -> chat.rooms.find(ALICE, room.uri())).categoryUri())
                .isEqualTo(root);

        int before = chat.complianceEvents.size();
        RoomView moved = chat.tx(() -> chat.rooms.moveToCategory(ALICE, room.uri(), open.uri(), room.version()));

        assertThat(moved.categoryUri()).isEqualTo(open.uri());
        assertThat(moved.fileUploadAllowed()).isFalse();
        assertThat(moved.version()).isGreaterThan(room.version());
        List<ComplianceEvent> recorded =
                new ArrayList<>(chat.complianceEvents.subList(before, chat.complianceEvents.size()));
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).type()).isEqualTo(ComplianceEventType.ROOM_CHANGED);
        assertThat(recorded.get(0).details())
                .containsEntry("fromCategory", root)
                .containsEntry("toCategory", open.uri());

        RoomView byAdmin = chat.tx(() -> chat.rooms.moveToCategory(ADMIN, room.uri(), closed.uri(), null));
        assertThat(byAdmin.categoryUri()).isEqualTo(closed.uri());
    }

    /**
     * Everything a store holds that the format carries, exported, imported into a new, empty store and exported
     * again, is the same; the only difference is the Root category, which every store has (with its own GUID).
     */
    @Test
    void anExportImportedIntoAnEmptyStoreExportsTheSame() {
        chat.tx(() -> chat.policies.definePolicy(ADMIN, "Export policy", false));
        chat.tx(() -> chat.policies.assignPolicy(ADMIN, CAROL, "Export policy"));
        chat.tx(() -> chat.directory.createGroup(ADMIN, "Export group", "a group"));
        chat.tx(() -> chat.directory.addGroupMember(ADMIN, "Export group", BOB));
        CategoryView category = category(chat, "Exported", ALICE, "group:Export group");
        RoomView room = chat.tx(() -> chat.rooms.createRoom(
                ALICE,
                new NewRoom("Exported room", "its description", category.uri(), Privacy.CLOSED, RoomType.AUDITORIUM)));
        chat.tx(() -> chat.rooms.grant(ALICE, room.uri(), RoomRole.MEMBER, "group:Export group"));
        chat.tx(() -> chat.rooms.grant(ALICE, room.uri(), RoomRole.PRESENTER, BOB));
        chat.tx(() -> chat.rooms.grant(ALICE, room.uri(), RoomRole.PRESENTER, ALICE));
        for (int i = 1; i <= 7; i++) {
            String text = "message " + i + " <&>";
            chat.clock.advance(Duration.ofSeconds(1));
            String author = i % 2 == 0 ? ALICE : BOB;
            chat.tx(() -> chat.posts.post(author, room.uri(), text, Instant.parse("2024-05-01T11:00:00Z")));
        }
        chat.tx(() -> chat.history.removeMessage(ADMIN, room.uri(), 7));
        chat.tx(() -> chat.rooms.disable(ALICE, room.uri()));
        chat.tx(() -> chat.addIns.register(ADMIN, "Export board", "https://board.contoso.com/export"));
        chat.tx(() -> chat.addIns.useInRoom(ALICE, room.uri(), "Export board"));
        chat.tx(() -> chat.retention.setCategoryRetention(ADMIN, category.uri(), 90));
        chat.tx(() -> chat.retention.setRoomRetention(ADMIN, room.uri(), 0));

        StoreDocument exported = export(chat);
        assertThat(exported.rooms())
                .filteredOn(r -> r.uri().equals(room.uri()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.messages()).extracting(ExportedMessage::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
                    assertThat(r.lastMessageSeq()).isEqualTo(7);
                    assertThat(r.members()).containsExactly("group:export group");
                    assertThat(r.disabled()).isTrue();
                    assertThat(r.addIn()).isEqualTo("Export board");
                    assertThat(r.retentionDays()).isZero();
                });
        assertThat(exported.addIns()).contains(new ExportedAddIn("Export board", "https://board.contoso.com/export"));
        assertThat(exported.categories())
                .filteredOn(c -> c.uri().equals(category.uri()))
                .singleElement()
                .extracting(ExportedCategory::retentionDays)
                .isEqualTo(90);

        try (ChatStoreHarness empty = new ChatStoreHarness()) {
            ImportReport report = empty.tx(() -> empty.store.importStore(ADMIN, exported));
            assertThat(report.rooms()).isEqualTo(exported.rooms().size());
            assertThat(report.messages()).isEqualTo(6);
            assertThat(report.categories()).isEqualTo(exported.categories().size() - 1);

            StoreDocument reexported = export(empty);
            String sourceRoot = chat.tx(() -> chat.categories.root()).uri();
            String targetRoot = empty.tx(() -> empty.categories.root()).uri();
            assertThat(withoutRoot(reexported, targetRoot)).isEqualTo(withoutRoot(exported, sourceRoot));

            ImportReport again = empty.tx(() -> empty.store.importStore(ADMIN, exported));
            assertThat(again.rooms()
                            + again.categories()
                            + again.messages()
                            + again.users()
                            + again.groups()
                            + again.policies())
                    .isZero();
            assertThat(withoutRoot(export(empty), targetRoot)).isEqualTo(withoutRoot(reexported, targetRoot));
            // Posting continues the exported counter, not the last message kept.
            empty.tx(() -> empty.rooms.enable(ADMIN, room.uri()));
            assertThat(empty.tx(() -> empty.posts.post(ADMIN, room.uri(), "after", null))
                            .message()
                            .seq())
                    .isEqualTo(8);
        }
    }

    /** A new room whose name another room has: nothing of the document is imported. */
    @Test
    void aNameConflictImportsNothing() {
        String root = chat.tx(() -> chat.categories.root()).uri();
        String name = "Taken " + UUID.randomUUID();
        chat.tx(() -> chat.rooms.createRoom(ALICE, new NewRoom(name, null, root, Privacy.OPEN, RoomType.NORMAL)));
        String newCategory = "ma-cat://contoso.com/" + UUID.randomUUID();
        StoreDocument document = new StoreDocument(
                StoreDocument.FORMAT,
                1,
                Instant.now(),
                "contoso.com",
                List.of(),
                List.of(),
                List.of(),
                List.of(new ExportedCategory(
                        newCategory,
                        "Fresh " + UUID.randomUUID(),
                        null,
                        true,
                        true,
                        true,
                        Instant.now(),
                        List.of("domain:contoso.com"),
                        List.of(),
                        List.of(),
                        null)),
                List.of(new ExportedRoom(
                        "ma-chan://contoso.com/" + UUID.randomUUID(),
                        newCategory,
                        name,
                        null,
                        null,
                        Privacy.OPEN,
                        RoomType.NORMAL,
                        org.parley.chat.domain.model.room.InvitationSetting.INHERIT,
                        false,
                        Instant.now(),
                        0,
                        List.of(),
                        List.of(ALICE),
                        List.of(),
                        List.of(),
                        null,
                        null)),
                null);

        assertRefused(() -> chat.tx(() -> chat.store.importStore(ADMIN, document)), Reason.CONFLICT);
        assertRefused(() -> chat.tx(() -> chat.categories.find(newCategory)), Reason.NOT_FOUND);
        assertRefused(
                () -> chat.tx(() -> chat.store.importStore(
                        ADMIN, new StoreDocument("other", 1, null, null, null, null, null, null, null, null))),
                Reason.INVALID);
        assertRefused(() -> chat.tx(() -> chat.store.importStore(ALICE, document)), Reason.FORBIDDEN);
        assertRefused(() -> chat.tx(() -> chat.store.outline(ALICE)), Reason.FORBIDDEN);
    }

    @Test
    void anExportReadsEveryMessageAndIsRecordedForCompliance() {
        chat.complianceEvents.clear();
        StoreDocument exported = export(chat);
        assertThat(chat.complianceEvents).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(ComplianceEventType.STORE_EXPORTED);
            assertThat(event.actor()).isEqualTo(ADMIN);
            assertThat(event.roomUri()).isNull();
            assertThat(event.occurredAt()).isEqualTo(chat.clock.instant());
            assertThat(event.details())
                    .containsEntry("rooms", Integer.toString(exported.rooms().size()));
        });
        chat.complianceEvents.clear();
        assertRefused(() -> chat.tx(() -> chat.store.outline(ALICE)), Reason.FORBIDDEN);
        assertThat(chat.complianceEvents).as("a refused export reads nothing").isEmpty();
    }

    /** An export of some rooms and dates: those rooms, their categories, the messages stored within the dates. */
    @Test
    void anExportTakesTheRoomsCategoriesAndDatesItIsGiven() {
        CategoryView category = category(chat, "Filtered", ALICE);
        CategoryView untouched = category(chat, "Not taken", ALICE);
        RoomView named = chat.tx(() -> chat.rooms.createRoom(
                ALICE,
                new NewRoom("Named " + UUID.randomUUID(), null, untouched.uri(), Privacy.OPEN, RoomType.NORMAL)));
        RoomView inCategory = chat.tx(() -> chat.rooms.createRoom(
                ALICE,
                new NewRoom("In category " + UUID.randomUUID(), null, category.uri(), Privacy.OPEN, RoomType.NORMAL)));
        RoomView neither = chat.tx(() -> chat.rooms.createRoom(
                ALICE,
                new NewRoom("Neither " + UUID.randomUUID(), null, untouched.uri(), Privacy.OPEN, RoomType.NORMAL)));
        Instant[] times = new Instant[4];
        for (int i = 0; i < 4; i++) {
            chat.clock.advance(Duration.ofHours(1));
            times[i] = chat.clock.instant();
            String text = "at " + i;
            chat.tx(() -> chat.posts.post(ALICE, inCategory.uri(), text, null));
        }
        ExportFilter filter = new ExportFilter(Set.of(named.uri()), Set.of(category.uri()), times[1], times[3], false);

        StoreDocument outline = chat.tx(() -> chat.store.outline(ADMIN, filter));
        assertThat(outline.rooms())
                .extracting(ExportedRoom::uri)
                .containsExactlyInAnyOrder(named.uri(), inCategory.uri())
                .doesNotContain(neither.uri());
        assertThat(outline.categories())
                .extracting(ExportedCategory::uri)
                .containsExactlyInAnyOrder(category.uri(), untouched.uri());
        assertThat(chat.tx(() -> chat.store.messages(ADMIN, inCategory.uri(), 0, 10, filter)))
                .extracting(ExportedMessage::text)
                .containsExactly("at 1", "at 2");
        assertThat(chat.tx(() -> chat.store.messages(ADMIN, inCategory.uri(), 2, 10, filter)))
                .extracting(ExportedMessage::text)
                .containsExactly("at 2");
        assertThat(chat.complianceEvents).last().satisfies(event -> assertThat(
                        event.details().get("filter"))
                .contains("1 rooms named, 1 categories named", "from " + times[1], "before " + times[3]));
        assertRefused(() -> new ExportFilter(null, null, times[3], times[1], false), Reason.INVALID);
    }

    /**
     * An import in mode update makes what the store has as the document says, adds the messages after the room's
     * last, and records the change; its dry run reports the same and changes nothing.
     */
    @Test
    void anUpdatingImportChangesWhatExistsAndItsDryRunChangesNothing() {
        CategoryView category = category(chat, "Updated", ALICE);
        RoomView room = chat.tx(() -> chat.rooms.createRoom(
                ALICE,
                new NewRoom("To update " + UUID.randomUUID(), null, category.uri(), Privacy.OPEN, RoomType.NORMAL)));
        chat.tx(() -> chat.posts.post(ALICE, room.uri(), "first", null));
        String policy = "Updated policy " + UUID.randomUUID();
        chat.tx(() -> chat.policies.definePolicy(ADMIN, policy, true));
        StoreDocument document = export(chat);
        ExportedRoom exported = document.rooms().stream()
                .filter(r -> r.uri().equals(room.uri()))
                .findFirst()
                .orElseThrow();
        List<ExportedMessage> messages = new ArrayList<>(exported.messages());
        messages.add(new ExportedMessage(2, BOB, "second, from elsewhere", null, chat.clock.instant()));
        ExportedRoom changed = new ExportedRoom(
                exported.uri(),
                exported.categoryUri(),
                exported.name(),
                exported.description(),
                "a new topic",
                exported.privacy(),
                exported.type(),
                exported.invitations(),
                exported.disabled(),
                exported.createdAt(),
                2,
                List.of(BOB),
                exported.managers(),
                exported.presenters(),
                messages,
                30,
                exported.addIn());
        StoreDocument updated = new StoreDocument(
                document.format(),
                document.version(),
                null,
                document.domain(),
                document.policies().stream()
                        .map(p -> p.name().equals(policy)
                                ? new org.parley.chat.application.dto.store.ExportedPolicy(policy, false)
                                : p)
                        .toList(),
                document.users(),
                document.groups(),
                document.categories(),
                List.of(changed),
                document.addIns());

        ImportReport added = chat.tx(() -> chat.store.importStore(ADMIN, StoreReader.of(updated), ImportOptions.ADD));
        assertThat(added.updated()).as("mode add keeps what exists").isZero();
        assertThat(chat.tx(() -> chat.rooms.find(ALICE, room.uri())).topic()).isNull();

        int before = chat.complianceEvents.size();
        ImportReport dry =
                chat.tx(() -> chat.store.importStore(ADMIN, StoreReader.of(updated), new ImportOptions(true, true)));
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.mode()).isEqualTo("update");
        assertThat(dry.updated()).isEqualTo(2);
        assertThat(dry.messages()).isEqualTo(1);
        assertThat(dry.changes()).contains("policy " + policy + ": chat off").anySatisfy(change -> assertThat(change)
                .startsWith("room " + room.name() + ": ")
                .contains("settings", "members", "history", "retention"));
        assertThat(chat.tx(() -> chat.rooms.find(ALICE, room.uri())).topic())
                .as("the dry run changed nothing")
                .isNull();
        assertThat(chat.tx(() -> chat.history.after(ALICE, room.uri(), 0, 10))).hasSize(1);
        assertThat(chat.tx(() -> chat.policies.policies()))
                .filteredOn(p -> p.name().equals(policy))
                .singleElement()
                .satisfies(p -> assertThat(p.chatEnabled()).isTrue());

        chat.events.roomChanges.clear();
        ImportReport done =
                chat.tx(() -> chat.store.importStore(ADMIN, StoreReader.of(updated), new ImportOptions(true, false)));
        assertThat(chat.events.roomChanges)
                .as("the people in the room are shown it anew")
                .contains(org.parley.chat.application.events.RoomChange.ofRoom(room.uri()));
        assertThat(done.changes()).isEqualTo(dry.changes());
        RoomView now = chat.tx(() -> chat.rooms.find(ALICE, room.uri()));
        assertThat(now.topic()).isEqualTo("a new topic");
        assertThat(now.lastMessageSeq()).isEqualTo(2);
        assertThat(chat.tx(() -> chat.rooms.roles(ALICE, room.uri())).members()).containsExactly(BOB);
        assertThat(chat.tx(() -> chat.history.after(ALICE, room.uri(), 0, 10))).hasSize(2);
        List<ComplianceEvent> recorded = chat.complianceEvents.subList(before, chat.complianceEvents.size());
        assertThat(recorded)
                .extracting(ComplianceEvent::type)
                .containsSubsequence(ComplianceEventType.ROOM_CHANGED, ComplianceEventType.STORE_IMPORTED);
        assertThat(chat.tx(() -> chat.posts.post(ALICE, room.uri(), "third", null))
                        .message()
                        .seq())
                .as("posting goes on after the imported messages")
                .isEqualTo(3);

        ImportReport again =
                chat.tx(() -> chat.store.importStore(ADMIN, StoreReader.of(updated), new ImportOptions(true, false)));
        assertThat(again.updated())
                .as("the store already says what the document says")
                .isZero();
    }

    /** The outline and every room's messages, a page of 2 at a time, as the web exporter reads them. */
    private static StoreDocument export(ChatStoreHarness store) {
        StoreDocument outline = store.tx(() -> store.store.outline(ADMIN));
        List<ExportedRoom> rooms = new ArrayList<>();
        for (ExportedRoom room : outline.rooms()) {
            List<ExportedMessage> messages = new ArrayList<>();
            for (List<ExportedMessage> page;
                    !(page = store.tx(() -> store.store.messages(
                                    ADMIN,
                                    room.uri(),
                                    messages.isEmpty()
                                            ? 0
                                            : messages.get(messages.size() - 1).seq(),
                                    2)))
                            .isEmpty(); ) {
                messages.addAll(page);
            }
            rooms.add(new ExportedRoom(
                    room.uri(),
                    room.categoryUri(),
                    room.name(),
                    room.description(),
                    room.topic(),
                    room.privacy(),
                    room.type(),
                    room.invitations(),
                    room.disabled(),
                    room.createdAt(),
                    room.lastMessageSeq(),
                    room.members(),
                    room.managers(),
                    room.presenters(),
                    messages,
                    room.retentionDays(),
                    room.addIn()));
        }
        return new StoreDocument(
                outline.format(),
                outline.version(),
                null,
                outline.domain(),
                outline.policies(),
                outline.users(),
                outline.groups(),
                outline.categories(),
                rooms,
                outline.addIns());
    }

    /** The document with the Root category left out and rooms in it pointing at "root". */
    private static StoreDocument withoutRoot(StoreDocument document, String rootUri) {
        return new StoreDocument(
                document.format(),
                document.version(),
                null,
                document.domain(),
                document.policies(),
                document.users(),
                document.groups(),
                document.categories().stream()
                        .filter(c -> !c.uri().equals(rootUri))
                        .toList(),
                document.rooms().stream()
                        .map(r -> new ExportedRoom(
                                r.uri(),
                                r.categoryUri().equals(rootUri) ? "root" : r.categoryUri(),
                                r.name(),
                                r.description(),
                                r.topic(),
                                r.privacy(),
                                r.type(),
                                r.invitations(),
                                r.disabled(),
                                r.createdAt(),
                                r.lastMessageSeq(),
                                r.members(),
                                r.managers(),
                                r.presenters(),
                                r.messages(),
                                r.retentionDays(),
                                r.addIn()))
                        .toList(),
                document.addIns());
    }
}
