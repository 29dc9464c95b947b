package org.parley.chat.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.parley.chat.testing.ChatAssertions.assertRefused;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.application.dto.AddInView;
import org.parley.chat.application.dto.BulkRewriteView;
import org.parley.chat.application.dto.CategoryView;
import org.parley.chat.application.dto.FileView;
import org.parley.chat.application.dto.HistoryChangeView;
import org.parley.chat.application.dto.HistoryQuery;
import org.parley.chat.application.dto.InvitationView;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.dto.NewCategory;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.application.dto.PolicyView;
import org.parley.chat.application.dto.PostedMessage;
import org.parley.chat.application.dto.RetentionView;
import org.parley.chat.application.dto.RoomRolesView;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.AfterCommit;
import org.parley.chat.application.events.RoomChange;
import org.parley.chat.application.events.RoomPublishOrder;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRole;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.domain.model.follow.Follow;
import org.parley.chat.domain.model.message.HistoryChange;
import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomSettings;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.ChatException.Reason;
import org.parley.chat.domain.shared.Hashes;
import org.parley.chat.domain.shared.Name;
import org.parley.chat.infrastructure.persistence.ReferenceData;
import org.parley.chat.infrastructure.persistence.jpa.JpaAddInRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaCategoryRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaChatPolicyRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaChatUserRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaFileRecordRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaFollowRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaHistoryChangeRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaInvitationRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaMessageRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaRoomRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaUserGroupRepository;
import org.parley.chat.testing.ChatStoreTestDatabase;
import org.parley.chat.testing.RecordedRoomEvents;
import org.parley.chat.testing.TestChatConfiguration;
import org.parley.chat.testing.TestClock;

/**
 * The services on the real mapping and queries (H2 in memory, or PostgreSQL; see ChatStoreTestDatabase),
 * each call in its own transaction as in the container. Names are unique per test, the store is shared.
 */
class ChatServicesTest {

    private static final String ADMIN = "sip:admin@contoso.com";
    private static final String ALICE = "sip:alice@contoso.com";
    private static final String BOB = "sip:bob@contoso.com";
    private static final String CAROL = "sip:carol@contoso.com";
    private static final String MALLORY = "sip:mallory@fabrikam.com";

    private static ChatStoreTestDatabase database;
    private static TestClock clock;
    /** What the services hand to compliance, as the JMS recorder would send it. */
    private static final List<ComplianceEvent> compliance_events = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final ComplianceRecorder compliance = compliance_events::add;
    /** What the services publish to the chat nodes, as the JMS publisher would send it. */
    private static final RecordedRoomEvents events = new RecordedRoomEvents();

    private static final List<MessageView> published = events.posts;
    private static ChatConfiguration configuration;
    private static PolicyService policies;
    private static DirectoryService directory;
    private static CategoryService categories;
    private static RoomService rooms;
    private static PostService posts;
    private static HistoryService history;
    private static FollowService follows;
    private static InvitationService invitations;
    private static FileRecordService files;
    private static Callers callers;
    private static JpaRoomRepository roomRepository;
    private static EntityManager entityManager;
    /** The same rooms, on a server that lets managers delete rooms. */
    private static RoomService roomsManagersDelete;

    @BeforeAll
    static void store() {
        database = new ChatStoreTestDatabase();
        clock = new TestClock(Instant.parse("2024-05-01T12:00:00Z"));
        configuration = TestChatConfiguration.contoso()
                .administrators(SipUri.parse(ADMIN))
                .build();
        EntityManager em = database.entityManager();
        entityManager = em;
        roomRepository = new JpaRoomRepository(em);
        JpaCategoryRepository categoryRepository = new JpaCategoryRepository(em);
        JpaChatPolicyRepository policyRepository = new JpaChatPolicyRepository(em);
        JpaChatUserRepository userRepository = new JpaChatUserRepository(em);
        JpaUserGroupRepository groupRepository = new JpaUserGroupRepository(em);
        JpaMessageRepository messageRepository = new JpaMessageRepository(em);
        callers = new Callers(userRepository, policyRepository);
        AccessChanges accessChanges = new AccessChanges(callers, new JpaFollowRepository(em), events);
        policies = new PolicyService(callers, policyRepository, userRepository, accessChanges);
        directory = new DirectoryService(callers, groupRepository, accessChanges);
        RoomChanges roomChanges = new RoomChanges(events);
        categories = new CategoryService(
                callers,
                categoryRepository,
                configuration,
                clock,
                accessChanges,
                roomRepository,
                compliance,
                roomChanges);
        rooms = new RoomService(
                callers,
                roomRepository,
                categoryRepository,
                configuration,
                clock,
                compliance,
                accessChanges,
                roomChanges);
        roomsManagersDelete = new RoomService(
                callers,
                roomRepository,
                categoryRepository,
                TestChatConfiguration.contoso()
                        .administrators(SipUri.parse(ADMIN))
                        .managersMayDeleteRooms(true)
                        .build(),
                clock,
                compliance,
                accessChanges,
                roomChanges);
        posts = new PostService(
                callers,
                roomRepository,
                messageRepository,
                configuration,
                clock,
                compliance,
                events,
                AfterCommit.immediate(),
                new RoomPublishOrder());
        history = new HistoryService(
                callers,
                roomRepository,
                messageRepository,
                categoryRepository,
                new JpaHistoryChangeRepository(em),
                new JpaFileRecordRepository(em),
                configuration,
                clock,
                compliance);
        follows = new FollowService(callers, roomRepository, new JpaFollowRepository(em), clock);
        invitations = new InvitationService(callers, roomRepository, new JpaInvitationRepository(em), clock);
        files = new FileRecordService(
                callers, roomRepository, new JpaFileRecordRepository(em), configuration, clock, compliance, posts);
        database.inTransaction(() -> ReferenceData.ensure(em, configuration, clock.instant()));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static <T> T tx(Supplier<T> call) {
        return database.inTransaction(call);
    }

    private static void tx(Runnable call) {
        database.inTransaction(call);
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RoomView roomInRoot(String creator, Privacy privacy, RoomType type) {
        String root = tx(() -> categories.root()).uri();
        return tx(() -> rooms.createRoom(creator, new NewRoom(unique("Room"), "a room", root, privacy, type)));
    }

    private static AddInService addIns() {
        return new AddInService(
                callers,
                new JpaAddInRepository(entityManager),
                roomRepository,
                compliance,
                clock,
                new RoomChanges(events));
    }

    /** An open, normal room with a name unique to the test, created by creator in the category. */
    private static RoomView openRoom(String creator, String name, String description, String categoryUri) {
        return tx(() -> rooms.createRoom(
                creator, new NewRoom(unique(name), description, categoryUri, Privacy.OPEN, RoomType.NORMAL)));
    }

    /** A closed, normal room named name, created by Alice with members from the start. */
    private static RoomView closedRoomWithMembers(String name, String categoryUri, Set<String> members) {
        return tx(() -> rooms.createRoom(
                ALICE,
                new NewRoom(name, null, categoryUri, Privacy.CLOSED, RoomType.NORMAL, null, members, null, null)));
    }

    /** A category the administrator creates, with a name unique to the test and every feature on. */
    private static CategoryView category(
            String name, Set<String> allowedMembers, Set<String> deniedMembers, Set<String> creators) {
        return category(
                new CategorySettings(unique(name), null, true, true, true), allowedMembers, deniedMembers, creators);
    }

    private static CategoryView category(
            CategorySettings settings, Set<String> allowedMembers, Set<String> deniedMembers, Set<String> creators) {
        return tx(() ->
                categories.createCategory(ADMIN, new NewCategory(settings, allowedMembers, deniedMembers, creators)));
    }

    @Test
    void theStoreIsSeededOnceWithGlobalPolicyRootCategoryAndAdministrators() {
        database.inTransaction(() -> ReferenceData.ensure(database.entityManager(), configuration, clock.instant()));
        CategoryView root = tx(() -> categories.root());
        assertThat(root.uri()).startsWith("ma-cat://contoso.com/");
        assertThat(root.allowedMembers()).containsExactly("domain:contoso.com");
        assertThat(root.creators()).containsExactly("domain:contoso.com");
        assertThat(tx(() -> categories.categories()))
                .filteredOn(c -> c.name().equals("Root"))
                .hasSize(1);
        assertThat(tx(() -> policies.policies()))
                .filteredOn(p -> p.name().equals("Global"))
                .hasSize(1);
        assertThat(tx(() -> policies.isEnabled(ALICE))).isTrue();
        assertThat(tx(() -> policies.isAdministrator(ADMIN))).isTrue();
        assertThat(tx(() -> policies.isAdministrator(ALICE))).isFalse();
    }

    @Test
    void roomNamesAreUniqueIgnoringCase() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        String root = room.categoryUri();
        assertRefused(
                () -> tx(() -> rooms.createRoom(
                        BOB, new NewRoom(room.name().toUpperCase(), null, root, Privacy.OPEN, RoomType.NORMAL))),
                Reason.CONFLICT);
        assertThat(tx(() -> rooms.findByName(BOB, room.name().toLowerCase())).uri())
                .isEqualTo(room.uri());
        assertThat(room.uri()).startsWith("ma-chan://contoso.com/");
    }

    @Test
    void onlyUsersTheCategoryAllowsCreateRooms() {
        String root = tx(() -> categories.root()).uri();
        assertRefused(() -> openRoom(MALLORY, "Outside", null, root), Reason.FORBIDDEN);
        CategoryView restricted = category("Board", Set.of("domain:contoso.com"), Set.of(), Set.of(CAROL));
        assertRefused(() -> openRoom(ALICE, "Board room", null, restricted.uri()), Reason.FORBIDDEN);
        assertThat(openRoom(CAROL, "Board room", null, restricted.uri()).categoryName())
                .isEqualTo(restricted.name());
        assertRefused(
                () -> tx(() -> categories.createCategory(
                        ALICE,
                        new NewCategory(
                                new CategorySettings(unique("Mine"), null, true, true, true),
                                Set.of(),
                                Set.of(),
                                Set.of()))),
                Reason.FORBIDDEN);
    }

    @Test
    void closedRoomsAreJoinedAndReadByMembersOnlyAndMessagesComeBackInOrder() {
        RoomView room = roomInRoot(ALICE, Privacy.CLOSED, RoomType.NORMAL);
        assertRefused(() -> tx(() -> rooms.join(BOB, room.uri())), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> posts.post(BOB, room.uri(), "hi", null)), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> rooms.grant(BOB, room.uri(), RoomRole.MEMBER, BOB)), Reason.FORBIDDEN);

        tx(() -> rooms.grant(ALICE, room.uri(), RoomRole.MEMBER, BOB));
        assertThat(tx(() -> rooms.join(BOB, room.uri())).name()).isEqualTo(room.name());
        Instant sent = Instant.parse("2024-05-01T11:59:58Z");
        for (int i = 1; i <= 5; i++) {
            String text = "message " + i;
            String author = i % 2 == 0 ? ALICE : BOB;
            PostedMessage posted = tx(() -> posts.post(author, room.uri(), text, sent));
            assertThat(posted.stored()).isTrue();
            assertThat(posted.message().seq()).isEqualTo(i);
        }
        List<MessageView> last3 = tx(() -> history.last(BOB, room.uri(), 3));
        assertThat(last3).extracting(MessageView::seq).containsExactly(3L, 4L, 5L);
        assertThat(last3).extracting(MessageView::text).containsExactly("message 3", "message 4", "message 5");
        assertThat(last3.get(0).author()).isEqualTo(BOB);
        assertThat(last3.get(0).clientTime()).isEqualTo(sent);
        assertThat(last3.get(0).serverTime()).isEqualTo(clock.instant());
        assertThat(tx(() -> history.before(ALICE, room.uri(), 3, 10)))
                .extracting(MessageView::seq)
                .containsExactly(1L, 2L);
        assertThat(tx(() -> history.after(ALICE, room.uri(), 3, 1)))
                .extracting(MessageView::seq)
                .containsExactly(4L);
        assertRefused(() -> tx(() -> history.last(CAROL, room.uri(), 10)), Reason.FORBIDDEN);
        assertThat(tx(() -> rooms.roomsOfMember(BOB))).extracting(RoomView::uri).contains(room.uri());
        assertThat(tx(() -> rooms.roomsManagedBy(ALICE)))
                .extracting(RoomView::uri)
                .contains(room.uri());
        assertThat(tx(() -> rooms.roomsManagedBy(BOB)))
                .extracting(RoomView::uri)
                .doesNotContain(room.uri());
    }

    /**
     * Every post, from SIP or the web, takes the one road, numbered in the room's order; the caller's "stored"
     * work (a SIP post's 200) runs before it is published; a refused post is published nowhere.
     */
    @Test
    void everyPostTakesTheOneRoadAfterItsStoredWork() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        List<String> order = new java.util.ArrayList<>();
        PostedMessage sip = tx(() -> posts.post(new PostRequest(
                ALICE,
                room.uri(),
                "over SIP",
                null,
                () -> order.add("answered, published before: "
                        + published.stream().anyMatch(m -> m.roomUri().equals(room.uri()))))));
        PostedMessage web = tx(() -> posts.post(BOB, room.uri(), "[file] notes.txt", null));
        assertThat(web.message().seq()).isEqualTo(sip.message().seq() + 1);
        assertThat(order).containsExactly("answered, published before: false");
        assertThat(published)
                .filteredOn(m -> m.roomUri().equals(room.uri()))
                .containsExactly(sip.message(), web.message());

        assertRefused(
                () -> tx(() -> posts.post(CAROL, room.uri(), "x".repeat(configuration.storySizeLimit() + 1), null)),
                Reason.TOO_LARGE);
        assertThat(published).filteredOn(m -> m.roomUri().equals(room.uri())).hasSize(2);
    }

    /** Once stored, a post is the room's whatever becomes of the answer to its author: it is published. */
    @Test
    void aStoredPostIsPublishedEvenWhenAnsweringItsAuthorFails() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        PostedMessage unanswered = tx(() -> posts.post(new PostRequest(ALICE, room.uri(), "unanswered", null, () -> {
            throw new IllegalStateException("the author's connection is gone");
        })));
        assertThat(published).contains(unanswered.message());
    }

    /**
     * A room known by its GUID is found by primary key: a join asks for its room four times in one transaction, and
     * each query by GUID was a statement (after a flush); by key, the persistence context answers all but the first.
     */
    @Test
    void aRoomAskedForAgainIsReadOnceByItsKey() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        RoomUri uri = RoomUri.parse(room.uri());
        tx(() -> rooms.join(BOB, room.uri())); // the room's key learnt
        Statistics statistics = storeStatisticsOf(() -> tx(() -> {
            Room first = roomRepository.find(uri).orElseThrow();
            assertThat(roomRepository.find(uri)).containsSame(first);
            assertThat(roomRepository.find(RoomUri.parse(room.uri().toUpperCase(Locale.ROOT))))
                    .containsSame(first);
            return null;
        }));

        assertThat(statistics.getPrepareStatementCount())
                .as("one statement, by primary key")
                .isOne();
        tx(() -> {
            rooms.deleteRoom(ADMIN, room.uri(), null);
            return null;
        });
        assertThat(tx(() -> roomRepository.find(uri)))
                .as("a room deleted is gone")
                .isEmpty();
    }

    /**
     * Who a caller new to the node is (their record, the Global policy, their groups) is one statement, not three:
     * every user signing in asks it once.
     */
    @Test
    void aNewCallerIsReadInOneStatement() {
        String dana = "sip:dana." + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
        String group = unique("readers");
        String other = unique("writers");
        tx(() -> directory.createGroup(ADMIN, group, null));
        tx(() -> directory.createGroup(ADMIN, other, null));
        tx(() -> directory.addGroupMember(ADMIN, group, dana));
        tx(() -> directory.addGroupMember(ADMIN, other, dana));
        tx(() -> directory.addGroupMember(ADMIN, other, CAROL));
        callers.forget(AccessChange.ofEveryone());
        Measured<Actor> firstLookUp = measured(() -> callers.participant(dana));
        Actor actor = firstLookUp.result();
        Statistics statistics = firstLookUp.store();
        assertThat(statistics.getPrepareStatementCount())
                .as("the caller's record, the Global policy and the groups, together")
                .isOne();
        assertThat(actor.subject().groupKeys()).containsExactlyInAnyOrder(Name.keyOf(group), Name.keyOf(other));
        assertThat(actor.administrator()).isFalse();
        assertThat(tx(() -> callers.isAdministrator(ADMIN))).isTrue();
        assertThat(tx(() -> callers.participant(CAROL)).subject().groupKeys()).contains(Name.keyOf(other));
    }

    /**
     * A batch of posts judges each room by its category's rules from memory: without it, every batch read the
     * category of its rooms, its allowed and its denied members (three statements more here, 6 to 8 % of the
     * server's CPU at 240 posts/s); with it, a room costs its row lock and update, and a post its insert.
     */
    @Test
    void aBatchOfPostsReadsNoCategory() {
        RoomView first = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        RoomView second = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        tx(() -> rooms.join(BOB, first.uri()));
        tx(() -> rooms.join(BOB, second.uri()));
        tx(() -> posts.postAll(List.of(post(BOB, first, "warm"), post(BOB, second, "warm"))));
        Measured<List<PostOutcome>> batch = measured(() ->
                posts.postAll(List.of(post(BOB, first, "one"), post(BOB, second, "two"), post(BOB, first, "three"))));
        List<PostOutcome> outcomes = batch.result();
        Statistics statistics = batch.store();

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.refusal()).isNull());
        assertThat(statistics.getEntityStatistics(Category.class.getName()).getLoadCount())
                .as("categories read")
                .isZero();
        assertThat(statistics.getCollectionLoadCount()).as("lists read").isZero();
        assertThat(statistics.getPrepareStatementCount())
                .as("two rooms locked, three posts inserted, two rooms' last numbers updated")
                .isEqualTo(7);
    }

    /**
     * The rules a batch judges by come from memory, and every change of them is forgotten at once: whoever the
     * category denies, or takes off its allowed list, is refused on the very next post, and whoever it lets in
     * again is let post on the very next one.
     */
    @Test
    void aMemberTheCategoryDeniesOrNoLongerAllowsIsRefusedOnTheVeryNextPost() {
        CategoryView category = category("Revoking", Set.of("domain:contoso.com", BOB), Set.of(), Set.of(ALICE));
        RoomView room = openRoom(ALICE, "Revoked", null, category.uri());
        tx(() -> rooms.join(BOB, room.uri()));
        assertThat(postAlone(BOB, room, "remembered")).isNull();

        tx(() -> categories.grant(ADMIN, category.uri(), CategoryRole.DENIED_MEMBER, BOB));
        assertThat(postAlone(BOB, room, "denied")).as("denied").isNotNull();
        assertRefused(() -> tx(() -> posts.post(BOB, room.uri(), "denied", null)), Reason.NOT_FOUND);

        tx(() -> categories.revoke(ADMIN, category.uri(), CategoryRole.DENIED_MEMBER, BOB));
        assertThat(postAlone(BOB, room, "let in again")).as("let in again").isNull();

        tx(() -> categories.revoke(ADMIN, category.uri(), CategoryRole.ALLOWED_MEMBER, "domain:contoso.com"));
        assertThat(postAlone(ALICE, room, "no longer allowed"))
                .as("no longer allowed")
                .isNotNull();
        assertThat(postAlone(BOB, room, "allowed by name"))
                .as("allowed by name")
                .isNull();
    }

    /** The category's switches are among the remembered rules: history turned off keeps the very next post out. */
    @Test
    void historyTurnedOffByTheCategoryKeepsTheVeryNextPostOut() {
        CategoryView category = category("Forgetful", Set.of("domain:contoso.com"), Set.of(), Set.of(ALICE));
        RoomView room = openRoom(ALICE, "Forgetful", null, category.uri());
        assertThat(tx(() -> posts.post(ALICE, room.uri(), "kept", null)).stored())
                .isTrue();

        tx(() -> categories.updateCategory(
                ADMIN, category.uri(), new CategorySettings(category.name(), null, true, true, false), null));

        assertThat(tx(() -> posts.post(ALICE, room.uri(), "not kept", null)).stored())
                .isFalse();
    }

    /**
     * While a change of a category is under way (from AccessChanges' start of it to its transaction's end) the rules
     * are read from the store and not remembered, so neither the state before the change nor one that may yet roll
     * back outlives it; once the change has ended, they are remembered again.
     */
    @Test
    void whileACategoryChangeIsUnderWayItsRulesAreReadAndNotRemembered() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        tx(() -> rooms.join(BOB, room.uri()));
        assertThat(postAlone(BOB, room, "remembered")).isNull();
        AccessChange change =
                AccessChange.ofCategory(tx(() -> categories.root()).uri());

        callers.changeBegun(change);
        try {
            assertThat(categoriesReadBy(() -> postAlone(BOB, room, "under way")))
                    .as("read while under way")
                    .isOne();
            assertThat(categoriesReadBy(() -> postAlone(BOB, room, "still under way")))
                    .as("not remembered while under way")
                    .isOne();
        } finally {
            callers.changeEnded(change);
        }

        assertThat(categoriesReadBy(() -> postAlone(BOB, room, "ended")))
                .as("read once ended")
                .isOne();
        assertThat(categoriesReadBy(() -> postAlone(BOB, room, "remembered again")))
                .as("remembered again")
                .isZero();
    }

    /** How many times the call read a category from the store. */
    private static long categoriesReadBy(Runnable call) {
        return storeStatisticsOf(call)
                .getEntityStatistics(Category.class.getName())
                .getLoadCount();
    }

    /** What the steps returned, and what they asked of the store. */
    private record Measured<T>(T result, Statistics store) {}

    /** Runs the steps in a transaction with Hibernate's statistics on, and keeps both. */
    private static <T> Measured<T> measured(Supplier<T> steps) {
        List<T> result = new ArrayList<>(1);
        Statistics store = storeStatisticsOf(() -> result.add(tx(steps)));
        return new Measured<>(result.get(0), store);
    }

    /** Hibernate's statistics of the steps alone: cleared before, counting only while they run. */
    private static Statistics storeStatisticsOf(Runnable steps) {
        Statistics statistics = tx(() -> entityManager
                .getEntityManagerFactory()
                .unwrap(SessionFactory.class)
                .getStatistics());
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            steps.run();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
        return statistics;
    }

    /** One post in a batch of its own: its refusal, or null when it was stored. */
    private static ChatException postAlone(String author, RoomView room, String text) {
        return tx(() -> posts.postAll(List.of(post(author, room, text)))).get(0).refusal();
    }

    private static PostRequest post(String author, RoomView room, String text) {
        return new PostRequest(author, room.uri(), text, null, () -> {});
    }

    /** A session already in the room that joins again is checked as a newcomer is, but no second JOIN is recorded. */
    @Test
    void joiningAgainIsCheckedButNotRecorded() {
        RoomView open = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        RoomView closed = roomInRoot(ALICE, Privacy.CLOSED, RoomType.NORMAL);
        compliance_events.clear();

        assertThat(tx(() -> rooms.joinAgain(BOB, open.uri())).uri()).isEqualTo(open.uri());
        assertRefused(() -> tx(() -> rooms.joinAgain(BOB, closed.uri())), Reason.FORBIDDEN);

        assertThat(compliance_events).isEmpty();
    }

    @Test
    void everyActionHandsItsEventToComplianceWithRoomActorAndTime() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        compliance_events.clear();
        tx(() -> rooms.join(BOB, room.uri()));
        PostedMessage posted = tx(() -> posts.post(BOB, room.uri(), "for the record", null));
        tx(() -> history.last(BOB, room.uri(), 5));
        tx(() -> rooms.grant(ALICE, room.uri(), RoomRole.PRESENTER, BOB));
        tx(() -> rooms.leave(BOB, room.uri()));
        tx(() -> history.removeMessage(ADMIN, room.uri(), posted.message().seq()));
        assertRefused(
                () -> tx(() -> posts.post(CAROL, room.uri(), "x".repeat(configuration.storySizeLimit() + 1), null)),
                Reason.TOO_LARGE);

        assertThat(compliance_events)
                .extracting(ComplianceEvent::type)
                .containsExactly(
                        ComplianceEventType.JOIN,
                        ComplianceEventType.CHAT,
                        ComplianceEventType.BACKCHAT,
                        ComplianceEventType.MEMBERSHIP_CHANGED,
                        ComplianceEventType.PART,
                        ComplianceEventType.MESSAGE_REMOVED);
        ComplianceEvent chat = compliance_events.get(1);
        assertThat(chat.roomUri()).isEqualTo(room.uri());
        assertThat(chat.roomName()).isEqualTo(room.name());
        assertThat(chat.actor()).isEqualTo(BOB);
        assertThat(chat.text()).isEqualTo("for the record");
        assertThat(chat.occurredAt()).isEqualTo(clock.instant());
        assertThat(compliance_events.get(3).details())
                .containsEntry("role", "PRESENTER")
                .containsEntry("principal", BOB);
        assertThat(ComplianceEvent.fromJson(chat.toJson())).isEqualTo(chat);
    }

    @Test
    void searchFindsTextCaseInsensitivelyInTheRoomsTheSearcherMayReadOnly() {
        RoomView open = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        RoomView closed = roomInRoot(ALICE, Privacy.CLOSED, RoomType.NORMAL);
        String word = unique("Deploy").replace(' ', '-');
        tx(() -> posts.post(ALICE, open.uri(), "first " + word + " of the day", null));
        tx(() -> posts.post(ALICE, closed.uri(), "secret " + word.toUpperCase() + " plans", null));
        tx(() -> posts.post(ALICE, open.uri(), "nothing to see, 100% and a_b", null));
        tx(() -> posts.post(ALICE, open.uri(), "later " + word.toLowerCase() + " again", null));

        assertThat(tx(() -> history.search(ALICE, word.toLowerCase(), null, 10)))
                .extracting(MessageView::text)
                .containsExactly(
                        "later " + word.toLowerCase() + " again",
                        "secret " + word.toUpperCase() + " plans",
                        "first " + word + " of the day");
        assertThat(tx(() -> history.search(BOB, word, null, 10)))
                .extracting(MessageView::roomUri)
                .containsOnly(open.uri());
        assertThat(tx(() -> history.search(ALICE, word, open.uri(), 1)))
                .extracting(MessageView::text)
                .containsExactly("later " + word.toLowerCase() + " again");
        assertThat(tx(() -> history.search(ALICE, "0% and a", open.uri(), 10))).hasSize(1);
        assertThat(tx(() -> history.search(ALICE, "_", open.uri(), 10))).hasSize(1);
        assertRefused(() -> tx(() -> history.search(BOB, word, closed.uri(), 10)), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> history.search(ALICE, " ", null, 10)), Reason.INVALID);
    }

    /**
     * The search limit bounds what the searcher may see, not the rooms looked at: rooms hidden from the
     * searcher (disabled ones here) that sort first do not use up the limit, and a message search looks in
     * every room the searcher may read, not in the first rooms by name.
     */
    @Test
    void limitsApplyAfterTheRulesNotBefore() {
        EntityManager em = database.entityManager();
        ChatConfiguration limitOfTwo = TestChatConfiguration.contoso()
                .searchLimit(2)
                .administrators(SipUri.parse(ADMIN))
                .build();
        Callers callers = new Callers(new JpaChatUserRepository(em), new JpaChatPolicyRepository(em));
        RoomService limitedRooms = new RoomService(
                callers,
                new JpaRoomRepository(em),
                new JpaCategoryRepository(em),
                limitOfTwo,
                clock,
                compliance,
                new AccessChanges(callers, new JpaFollowRepository(em), events),
                new RoomChanges(events));
        HistoryService limitedHistory = new HistoryService(
                callers,
                new JpaRoomRepository(em),
                new JpaMessageRepository(em),
                new JpaCategoryRepository(em),
                new JpaHistoryChangeRepository(em),
                new JpaFileRecordRepository(em),
                limitOfTwo,
                clock,
                compliance);
        String tag = unique("Limits").replace(' ', '-');
        String root = tx(() -> categories.root()).uri();
        for (String hidden : List.of("a1", "a2")) {
            String uri = tx(() -> rooms.createRoom(
                            ALICE, new NewRoom(tag + " " + hidden, "", root, Privacy.OPEN, RoomType.NORMAL)))
                    .uri();
            tx(() -> rooms.disable(ADMIN, uri));
        }
        for (String shown : List.of("b1", "b2", "b3")) {
            tx(() -> rooms.createRoom(ALICE, new NewRoom(tag + " " + shown, "", root, Privacy.OPEN, RoomType.NORMAL)));
        }
        assertThat(tx(() -> limitedRooms.search(BOB, tag)))
                .extracting(RoomView::name)
                .containsExactly(tag + " b1", tag + " b2");

        // Sorts after every other room of the store: with the scope cut at the first two rooms, never searched.
        RoomView last =
                tx(() -> rooms.createRoom(ALICE, new NewRoom("zzz " + tag, "", root, Privacy.OPEN, RoomType.NORMAL)));
        tx(() -> posts.post(ALICE, last.uri(), "found at the end " + tag, null));
        assertThat(tx(() -> limitedHistory.search(BOB, tag, null, 10)))
                .extracting(MessageView::roomUri)
                .containsExactly(last.uri());
    }

    @Test
    void aMessageSearchReadsMessageTextAndIsRecordedForComplianceWithItsTextScopeAndHits() {
        RoomView open = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        String word = unique("Audit").replace(' ', '-');
        tx(() -> posts.post(ALICE, open.uri(), "the " + word + " notes", null));
        tx(() -> posts.post(ALICE, open.uri(), "more " + word + " notes", null));
        compliance_events.clear();

        assertThat(tx(() -> history.search(BOB, word, null, 10))).hasSize(2);
        assertThat(tx(() -> history.search(BOB, word, open.uri(), 1))).hasSize(1);
        assertRefused(() -> tx(() -> history.search(BOB, " ", null, 10)), Reason.INVALID);

        assertThat(compliance_events)
                .extracting(ComplianceEvent::type)
                .containsExactly(ComplianceEventType.MESSAGE_SEARCH, ComplianceEventType.MESSAGE_SEARCH);
        ComplianceEvent everywhere = compliance_events.get(0);
        assertThat(everywhere.actor()).isEqualTo(BOB);
        assertThat(everywhere.text()).isEqualTo(word);
        assertThat(everywhere.roomUri()).isNull();
        assertThat(everywhere.occurredAt()).isEqualTo(clock.instant());
        assertThat(everywhere.details()).containsEntry("hits", "2").containsKey("rooms");
        assertThat(Integer.parseInt(everywhere.details().get("rooms"))).isGreaterThanOrEqualTo(1);
        ComplianceEvent inOneRoom = compliance_events.get(1);
        assertThat(inOneRoom.roomUri()).isEqualTo(open.uri());
        assertThat(inOneRoom.roomName()).isEqualTo(open.name());
        assertThat(inOneRoom.details()).containsEntry("hits", "1").containsEntry("rooms", "1");
    }

    @Test
    void secretRoomsAreFoundByTheirMembersOnlyIncludingThroughGroups() {
        RoomView secret = roomInRoot(ALICE, Privacy.SECRET, RoomType.NORMAL);
        RoomView open = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        String word = secret.name().substring(5);
        assertThat(tx(() -> rooms.search(BOB, word))).isEmpty();
        assertThat(tx(() -> rooms.search(BOB, "")))
                .extracting(RoomView::uri)
                .contains(open.uri())
                .doesNotContain(secret.uri());
        assertRefused(() -> tx(() -> rooms.find(BOB, secret.uri())), Reason.NOT_FOUND);
        assertRefused(() -> tx(() -> rooms.join(BOB, secret.uri())), Reason.NOT_FOUND);

        String group = unique("insiders");
        tx(() -> directory.createGroup(ADMIN, group, null));
        tx(() -> directory.addGroupMember(ADMIN, group, BOB));
        tx(() -> rooms.grant(ALICE, secret.uri(), RoomRole.MEMBER, "group:" + group));
        assertThat(tx(() -> rooms.search(BOB, word))).extracting(RoomView::uri).containsExactly(secret.uri());
        assertThat(tx(() -> rooms.roomsOfMember(BOB))).extracting(RoomView::uri).contains(secret.uri());
        assertThat(tx(() -> rooms.search(CAROL, word))).isEmpty();
        assertThat(tx(() -> rooms.search(ADMIN, word)))
                .extracting(RoomView::uri)
                .containsExactly(secret.uri());
        assertThat(tx(() -> rooms.search(MALLORY, ""))).isEmpty();
    }

    @Test
    void deniedUsersLoseAccessToEveryRoomOfTheCategory() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        String dave = "sip:dave" + UUID.randomUUID().toString().substring(0, 4) + "@contoso.com";
        tx(() -> rooms.join(dave, room.uri()));
        tx(() -> categories.grant(ADMIN, room.categoryUri(), CategoryRole.DENIED_MEMBER, dave));
        assertRefused(() -> tx(() -> rooms.join(dave, room.uri())), Reason.NOT_FOUND);
        assertThat(tx(() -> rooms.search(dave, room.name()))).isEmpty();
    }

    @Test
    void aUserWhosePolicyDisablesChatIsRefused() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        String erin = "sip:erin@contoso.com";
        tx(() -> policies.definePolicy(ADMIN, "NoChat", false));
        tx(() -> policies.assignPolicy(ADMIN, erin, "NoChat"));
        assertThat(tx(() -> policies.isEnabled(erin))).isFalse();
        assertThat(tx(() -> policies.policyOf(erin)).name()).isEqualTo("NoChat");
        assertRefused(() -> tx(() -> posts.post(erin, room.uri(), "hello", null)), Reason.DISABLED_BY_POLICY);
        assertRefused(() -> tx(() -> rooms.join(erin, room.uri())), Reason.DISABLED_BY_POLICY);
        assertRefused(() -> tx(() -> policies.assignPolicy(ALICE, erin, null)), Reason.FORBIDDEN);

        tx(() -> policies.assignPolicy(ADMIN, erin, null));
        assertThat(tx(() -> policies.isEnabled(erin))).isTrue();
        assertThat(tx(() -> posts.post(erin, room.uri(), "back", null))
                        .message()
                        .seq())
                .isEqualTo(1);
    }

    @Test
    void theGlobalPolicyIsTheDefaultForEveryoneWithoutTheirOwn() {
        String frank = "sip:frank@contoso.com";
        tx(() -> policies.definePolicy(ADMIN, "ChatAllowed", true));
        tx(() -> policies.assignPolicy(ADMIN, frank, "ChatAllowed"));
        try {
            tx(() -> policies.setGlobalEnabled(ADMIN, false));
            assertThat(tx(() -> policies.isEnabled("sip:grace@contoso.com"))).isFalse();
            assertThat(tx(() -> policies.isEnabled(frank))).isTrue();
            assertThat(tx(() -> categories.root())).isNotNull();
            assertThat(tx(() -> policies.setGlobalEnabled(ADMIN, true)).chatEnabled())
                    .as("administrators administer whatever the policy")
                    .isTrue();
        } finally {
            tx(() -> policies.setGlobalEnabled(ADMIN, true));
        }
    }

    @Test
    void concurrentPostsGetEverySequenceNumberOnceInEachRoom() throws Exception {
        RoomView first = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        RoomView second = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        int threads = 4;
        int postsPerThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String author = "sip:poster" + t + "@contoso.com";
            Callable<List<Long>> poster = () -> {
                start.await();
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < postsPerThread; i++) {
                    String room = i % 3 == 0 ? second.uri() : first.uri();
                    PostedMessage posted = tx(() -> posts.post(author, room, author + " " + room, null));
                    if (room.equals(first.uri())) {
                        seqs.add(posted.message().seq());
                    }
                }
                return seqs;
            };
            results.add(pool.submit(poster));
        }
        start.countDown();
        List<Long> firstRoomSeqs = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            firstRoomSeqs.addAll(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        int inFirst = threads * (postsPerThread - 5);
        int inSecond = threads * 5;
        assertThat(firstRoomSeqs).hasSize(inFirst).doesNotHaveDuplicates().allMatch(seq -> seq >= 1 && seq <= inFirst);
        assertThat(tx(() -> history.last(ALICE, first.uri(), 500)))
                .extracting(MessageView::seq)
                .containsExactlyElementsOf(range(inFirst));
        assertThat(tx(() -> history.last(ALICE, second.uri(), 500)))
                .extracting(MessageView::seq)
                .containsExactlyElementsOf(range(inSecond));
        assertThat(tx(() -> rooms.find(ALICE, first.uri())).version())
                .as("posting does not change the room's version (ETag)")
                .isEqualTo(first.version());
    }

    @Test
    void aRoomReadEarlierInTheTransactionIsNumberedFromItsRowAsCommittedMeanwhile() throws Exception {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        tx(() -> posts.post(ALICE, room.uri(), "first", null));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            PostedMessage late = tx(() -> {
                // This transaction holds the room as it was (last seq 1) when another one posts and commits.
                assertThat(roomRepository
                                .find(RoomUri.parse(room.uri()))
                                .orElseThrow()
                                .lastMessageSeq())
                        .isEqualTo(1);
                try {
                    other.submit(() -> tx(() -> posts.post(BOB, room.uri(), "meanwhile", null)))
                            .get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return posts.post(ALICE, room.uri(), "late", null);
            });
            assertThat(late.message().seq())
                    .as("numbered after the post committed meanwhile")
                    .isEqualTo(3);
        } finally {
            other.shutdownNow();
        }
        assertThat(tx(() -> history.last(ALICE, room.uri(), 10)))
                .extracting(MessageView::seq, MessageView::text)
                .containsExactly(tuple(1L, "first"), tuple(2L, "meanwhile"), tuple(3L, "late"));
    }

    @Test
    void administratorsRewriteHistoryAndEveryRewriteIsRecorded() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        tx(() -> posts.post(ALICE, room.uri(), "old one", null));
        tx(() -> posts.post(ALICE, room.uri(), "old two", null));
        clock.advance(Duration.ofHours(1));
        Instant cut = clock.instant();
        tx(() -> posts.post(BOB, room.uri(), "keep", null));
        tx(() -> posts.post(BOB, room.uri(), "password: hunter2", null));
        tx(() -> posts.post(BOB, room.uri(), "oops", null));

        assertRefused(() -> tx(() -> history.clearBefore(ALICE, room.uri(), cut)), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> history.removeMessage(ALICE, room.uri(), 5)), Reason.FORBIDDEN);
        assertThat(tx(() -> history.clearBefore(ADMIN, room.uri(), cut)).messagesAffected())
                .isEqualTo(2);
        tx(() -> history.replaceMessage(ADMIN, room.uri(), 4, "[removed by an administrator]"));
        tx(() -> history.removeMessage(ADMIN, room.uri(), 5));
        assertRefused(() -> tx(() -> history.removeMessage(ADMIN, room.uri(), 5)), Reason.NOT_FOUND);

        assertThat(tx(() -> history.last(BOB, room.uri(), 10)))
                .extracting(MessageView::seq, MessageView::text)
                .containsExactly(tuple(3L, "keep"), tuple(4L, "[removed by an administrator]"));
        List<HistoryChangeView> changes = tx(() -> history.changes(ADMIN, room.uri()));
        assertThat(changes)
                .extracting(HistoryChangeView::kind)
                .containsExactly(
                        HistoryChange.Kind.CLEARED_BEFORE, HistoryChange.Kind.REPLACED, HistoryChange.Kind.REMOVED);
        assertThat(changes.get(0).clearedBefore()).isEqualTo(cut);
        assertThat(changes.get(1).oldTextSha256()).isEqualTo(Hashes.sha256Hex("password: hunter2"));
        assertThat(changes).allMatch(change -> change.actor().equals(ADMIN));
        assertThat(tx(() -> posts.post(BOB, room.uri(), "next", null)).message().seq())
                .as("numbers are never reused")
                .isEqualTo(6);
        assertRefused(() -> tx(() -> history.changes(BOB, room.uri())), Reason.FORBIDDEN);
    }

    @Test
    void withChatHistoryOffMessagesAreNumberedAndDeliveredButNotKept() {
        CategoryView offTheRecord = category(
                new CategorySettings(unique("Off the record"), null, true, false, false),
                Set.of("domain:contoso.com"),
                Set.of(),
                Set.of("domain:contoso.com"));
        RoomView room = openRoom(ALICE, "Quiet", null, offTheRecord.uri());
        assertThat(room.historyEnabled()).isFalse();
        PostedMessage first = tx(() -> posts.post(ALICE, room.uri(), "not kept", null));
        PostedMessage second = tx(() -> posts.post(BOB, room.uri(), "nor this", null));
        assertThat(first.stored()).isFalse();
        assertThat(second.message().seq()).isEqualTo(2);
        assertThat(tx(() -> history.last(BOB, room.uri(), 10))).isEmpty();
        assertRefused(
                () -> tx(() -> files.register(
                        ALICE,
                        room.uri(),
                        new FileDescription("a.txt", 3, Hashes.sha256Hex("abc"), "text/plain", "ab/abc"))),
                Reason.FORBIDDEN);
    }

    @Test
    void settingsChangesAreRefusedOnAStaleVersion() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        RoomSettings topic = new RoomSettings(
                room.name(), room.description(), "Sprint 12", room.privacy(), room.type(), InvitationSetting.INHERIT);
        RoomView changed = tx(() -> rooms.updateSettings(ALICE, room.uri(), topic, room.version()));
        assertThat(changed.topic()).isEqualTo("Sprint 12");
        assertThat(changed.version()).isGreaterThan(room.version());
        assertRefused(
                () -> tx(() -> rooms.updateSettings(ALICE, room.uri(), room.settings(), room.version())),
                Reason.STALE_VERSION);
        assertRefused(() -> tx(() -> rooms.updateSettings(BOB, room.uri(), room.settings(), null)), Reason.FORBIDDEN);

        tx(() -> rooms.disable(ALICE, room.uri()));
        assertRefused(() -> tx(() -> posts.post(ALICE, room.uri(), "anyone?", null)), Reason.ROOM_DISABLED);
        assertRefused(() -> tx(() -> rooms.join(BOB, room.uri())), Reason.NOT_FOUND);
        tx(() -> rooms.enable(ALICE, room.uri()));
        assertThat(tx(() -> rooms.join(BOB, room.uri())).disabled()).isFalse();
    }

    /** cmd:nodespermcreatechild: whoever a category lets create rooms, and administrators; nobody else. */
    @Test
    void mayCreateRoomsWhereSomeCategoryNamesTheUserAsCreator() {
        assertThat(tx(() -> categories.mayCreateRooms(ALICE)))
                .as("root: everyone of contoso.com")
                .isTrue();
        assertThat(tx(() -> categories.mayCreateRooms(MALLORY)))
                .as("no category names fabrikam.com")
                .isFalse();
        assertThat(tx(() -> categories.mayCreateRooms(ADMIN))).isTrue();
        String visitor = "sip:visitor@fabrikam.com";
        category("Guests", Set.of("domain:fabrikam.com"), Set.of(MALLORY), Set.of("domain:fabrikam.com"));
        assertThat(tx(() -> categories.mayCreateRooms(visitor)))
                .as("a category now lets fabrikam.com create")
                .isTrue();
        assertThat(tx(() -> categories.mayCreateRooms(MALLORY)))
                .as("but denies mallory as a member")
                .isFalse();
    }

    @Test
    void categoryChangesAreAdministratorsOnlyAndRefusedOnAStaleVersion() {
        CategoryView category = category("Projects", Set.of("domain:contoso.com"), Set.of(), Set.of());
        CategoryView granted = tx(() -> categories.grant(ADMIN, category.uri(), CategoryRole.CREATOR, "group:leads"));
        assertThat(granted.creators()).containsExactly("group:leads");
        assertThat(granted.version()).isGreaterThan(category.version());
        assertRefused(
                () -> tx(() ->
                        categories.updateCategory(ADMIN, category.uri(), category.settings(), category.version())),
                Reason.STALE_VERSION);
        assertRefused(
                () -> tx(() -> categories.grant(ALICE, category.uri(), CategoryRole.CREATOR, ALICE)), Reason.FORBIDDEN);
        assertRefused(
                () -> tx(() -> categories.updateCategory(
                        ADMIN, category.uri(), new CategorySettings("root", null, true, true, true), null)),
                Reason.CONFLICT);
        CategorySettings renamed = new CategorySettings(unique("Programmes"), "d", false, false, true);
        assertThat(tx(() -> categories.updateCategory(ADMIN, category.uri(), renamed, granted.version()))
                        .settings())
                .isEqualTo(renamed);
    }

    /**
     * Two clients of one user joining a room for the first time at the same moment: both look, find no follow,
     * and insert; the second insert broke the unique key and that join failed with a conflict. Now a first follow
     * looks again under the room's lock, and the second finds the first's follow.
     */
    @Test
    void twoFirstFollowsAtTheSameMomentAreOneFollowAndNoConflict() throws Exception {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        String ivan = "sip:ivan" + UUID.randomUUID().toString().substring(0, 4) + "@contoso.com";
        CyclicBarrier bothLooked = new CyclicBarrier(2);
        ThreadLocal<Boolean> looked = ThreadLocal.withInitial(() -> false);
        // Each client's first look waits for the other's, so both have looked before either inserts.
        JpaFollowRepository racing = new JpaFollowRepository(database.entityManager()) {
            @Override
            public Optional<Follow> find(SipUri user, Room followed) {
                Optional<Follow> found = super.find(user, followed);
                if (!looked.get()) {
                    looked.set(true);
                    try {
                        bothLooked.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the other client never looked", e);
                    }
                }
                return found;
            }
        };
        FollowService clients = new FollowService(callers, roomRepository, racing, clock);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RoomView> laptop = pool.submit(() -> tx(() -> clients.follow(ivan, room.uri())));
            Future<RoomView> phone = pool.submit(() -> tx(() -> clients.follow(ivan, room.uri())));
            assertThat(laptop.get(30, TimeUnit.SECONDS).uri()).isEqualTo(room.uri());
            assertThat(phone.get(30, TimeUnit.SECONDS).uri()).isEqualTo(room.uri());
        } finally {
            pool.shutdownNow();
        }
        assertThat(tx(() -> follows.followers(room.uri()))).containsExactly(ivan);
    }

    /**
     * Removing a member ends their follow (a follow is for readers) and tells the chat nodes to re-check the
     * room; the nodes' question names exactly whom to evict.
     */
    @Test
    void revokingAMemberEndsTheirFollowAndTellsTheChatNodes() {
        RoomView room = roomInRoot(ALICE, Privacy.CLOSED, RoomType.NORMAL);
        tx(() -> rooms.grant(ALICE, room.uri(), RoomRole.MEMBER, BOB));
        tx(() -> follows.follow(ALICE, room.uri()));
        tx(() -> follows.follow(BOB, room.uri()));

        tx(() -> rooms.revoke(ALICE, room.uri(), RoomRole.MEMBER, BOB));

        assertThat(tx(() -> follows.followers(room.uri()))).containsExactly(ALICE);
        assertThat(events.accessChanges).contains(AccessChange.ofRoom(room.uri()));
        assertThat(tx(() -> rooms.mayNoLongerRead(Map.of(room.uri(), Set.of(ALICE, BOB)), null)))
                .isEqualTo(Map.of(room.uri(), Set.of(BOB)));
    }

    /** Made secret: who is on no list loses the room; a change that does not touch reading tells nobody. */
    @Test
    void aRoomMadeSecretDropsTheFollowsOfWhoIsOnNoListAndOtherSettingsChangeNothing() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        tx(() -> follows.follow(ALICE, room.uri()));
        tx(() -> follows.follow(CAROL, room.uri()));
        RoomSettings topic = new RoomSettings(
                room.name(), null, "new topic", Privacy.OPEN, RoomType.NORMAL, InvitationSetting.INHERIT);
        tx(() -> rooms.updateSettings(ALICE, room.uri(), topic, null));
        assertThat(events.accessChanges).doesNotContain(AccessChange.ofRoom(room.uri()));

        tx(() -> rooms.updateSettings(
                ALICE,
                room.uri(),
                new RoomSettings(
                        room.name(), null, "new topic", Privacy.SECRET, RoomType.NORMAL, InvitationSetting.INHERIT),
                null));

        assertThat(events.accessChanges).contains(AccessChange.ofRoom(room.uri()));
        assertThat(tx(() -> follows.followers(room.uri()))).containsExactly(ALICE);
    }

    /**
     * What the people in a room are shown of it reaches the chat nodes once per change that shows: new settings,
     * another category, another add-in; the same settings again, or a refused change, tell nobody.
     */
    @Test
    void aRoomsVisibleChangesTellTheChatNodesOnceEach() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        RoomChange changed = RoomChange.ofRoom(room.uri());
        RoomSettings topic = new RoomSettings(
                room.name(), "about it", "new topic", Privacy.OPEN, RoomType.NORMAL, InvitationSetting.INHERIT);

        tx(() -> rooms.updateSettings(ALICE, room.uri(), topic, null));
        assertThat(events.roomChanges)
                .as("the topic")
                .filteredOn(changed::equals)
                .hasSize(1);

        tx(() -> rooms.updateSettings(ALICE, room.uri(), topic, null));
        assertRefused(
                () -> tx(() -> rooms.updateSettings(
                        BOB,
                        room.uri(),
                        new RoomSettings(
                                room.name(),
                                null,
                                "bob's topic",
                                Privacy.OPEN,
                                RoomType.NORMAL,
                                InvitationSetting.INHERIT),
                        null)),
                Reason.FORBIDDEN);
        assertThat(events.roomChanges)
                .as("nothing shown changed")
                .filteredOn(changed::equals)
                .hasSize(1);

        tx(() -> rooms.updateSettings(
                ALICE,
                room.uri(),
                new RoomSettings(
                        room.name() + " renamed",
                        "about it",
                        "new topic",
                        Privacy.OPEN,
                        RoomType.AUDITORIUM,
                        InvitationSetting.OFF),
                null));
        assertThat(events.roomChanges)
                .as("name, type, invitations")
                .filteredOn(changed::equals)
                .hasSize(2);
        assertThat(events.accessChanges).as("nobody loses the room").doesNotContain(AccessChange.ofRoom(room.uri()));

        String elsewhere = category("Elsewhere", Set.of(), Set.of(), Set.of()).uri();
        tx(() -> rooms.moveToCategory(ADMIN, room.uri(), elsewhere, null));
        assertThat(events.roomChanges)
                .as("its category's switches")
                .filteredOn(changed::equals)
                .hasSize(3);

        AddInService addIns = addIns();
        String board = unique("Board");
        tx(() -> addIns.register(ADMIN, board, "https://board.contoso.com/"));
        tx(() -> addIns.useInRoom(ADMIN, room.uri(), board));
        tx(() -> addIns.useInRoom(ADMIN, room.uri(), board));
        assertThat(events.roomChanges)
                .as("its add-in, once")
                .filteredOn(changed::equals)
                .hasSize(4);
    }

    /** A category's switches are its rooms' own: changing one tells the nodes about its rooms; its name does not. */
    @Test
    void aCategorysSwitchesReachItsRoomsAndItsNameDoesNot() {
        String name = unique("Switches");
        CategoryView category =
                category(new CategorySettings(name, null, true, true, true), Set.of(), Set.of(), Set.of());
        RoomChange changed = RoomChange.ofCategory(category.uri());

        tx(() -> categories.updateCategory(
                ADMIN, category.uri(), new CategorySettings(name + " renamed", "described", true, true, true), null));
        assertThat(events.roomChanges).doesNotContain(changed);

        tx(() -> categories.updateCategory(
                ADMIN, category.uri(), new CategorySettings(name + " renamed", "described", true, false, true), null));
        assertThat(events.roomChanges).filteredOn(changed::equals).hasSize(1);
    }

    /** Disabled: nobody but administrators reads it, so nobody else follows it. */
    @Test
    void aDisabledRoomIsFollowedByNobody() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        tx(() -> follows.follow(ALICE, room.uri()));
        tx(() -> follows.follow(CAROL, room.uri()));

        tx(() -> rooms.disable(ALICE, room.uri()));

        assertThat(events.accessChanges).contains(AccessChange.ofRoom(room.uri()));
        assertThat(tx(() -> follows.followers(room.uri()))).isEmpty();
        assertThat(tx(() -> rooms.mayNoLongerRead(Map.of(room.uri(), Set.of(ALICE, ADMIN)), null)))
                .isEqualTo(Map.of(room.uri(), Set.of(ALICE)));
    }

    /**
     * Put on the category's denied list: the user's follows of its rooms end, the nodes re-check its rooms (and
     * only those: a room of another category is not the change's business).
     */
    @Test
    void aUserDeniedByACategoryLosesItsRoomsOnly() {
        CategoryView category = category("Denying", Set.of("domain:contoso.com"), Set.of(), Set.of(ALICE));
        RoomView inside = openRoom(ALICE, "Inside", null, category.uri());
        RoomView outside = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        tx(() -> follows.follow(BOB, inside.uri()));
        tx(() -> follows.follow(BOB, outside.uri()));
        tx(() -> follows.follow(CAROL, inside.uri()));

        tx(() -> categories.grant(ADMIN, category.uri(), CategoryRole.DENIED_MEMBER, BOB));

        assertThat(events.accessChanges).contains(AccessChange.ofCategory(category.uri()));
        assertThat(tx(() -> follows.followers(inside.uri()))).containsExactly(CAROL);
        assertThat(tx(() -> follows.followers(outside.uri()))).contains(BOB);
        assertThat(tx(() -> rooms.mayNoLongerRead(
                        Map.of(inside.uri(), Set.of(BOB, CAROL), outside.uri(), Set.of(BOB)), category.uri())))
                .isEqualTo(Map.of(inside.uri(), Set.of(BOB)));
    }

    /** A policy that switches chat off: the user's sessions are re-checked, their follows end. */
    @Test
    void aPolicyThatSwitchesChatOffEndsTheUsersFollows() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        String judy = "sip:judy" + UUID.randomUUID().toString().substring(0, 4) + "@contoso.com";
        tx(() -> follows.follow(judy, room.uri()));
        String off = unique("Off");
        tx(() -> policies.definePolicy(ADMIN, off, false));

        tx(() -> policies.assignPolicy(ADMIN, judy, off));

        assertThat(events.accessChanges).contains(AccessChange.ofUser(judy));
        assertThat(tx(() -> follows.followers(room.uri()))).doesNotContain(judy);
        assertThat(tx(() -> rooms.mayNoLongerRead(Map.of(room.uri(), Set.of(judy)), null)))
                .isEqualTo(Map.of(room.uri(), Set.of(judy)));
    }

    /**
     * New-content notices go to the followers who may read the room by the rule history reads use; whoever may
     * not (a follow no change ended, as a shared policy's change does not) stops following.
     */
    @Test
    void noticesGoToReadersOnlyAndTheOthersStopFollowing() {
        RoomView room = roomInRoot(ALICE, Privacy.CLOSED, RoomType.NORMAL);
        tx(() -> rooms.grant(ALICE, room.uri(), RoomRole.MEMBER, BOB));
        tx(() -> follows.follow(BOB, room.uri()));
        // The member list edited behind the service's back: a lost right whose follow nothing ended.
        database.inTransaction(() -> roomRepository
                .find(RoomUri.parse(room.uri()))
                .orElseThrow()
                .revoke(
                        Actor.administrator(callers.subjectOf(SipUri.parse(ADMIN))),
                        RoomRole.MEMBER,
                        Principal.parse(BOB)));
        assertThat(tx(() -> follows.followers(room.uri()))).contains(BOB);
        assertRefused(() -> tx(() -> history.last(BOB, room.uri(), 5)), Reason.FORBIDDEN);

        assertThat(tx(() -> follows.readers(room.uri(), List.of(ALICE, BOB)))).containsExactly(ALICE);
        assertThat(tx(() -> follows.followers(room.uri()))).doesNotContain(BOB);
    }

    /** Remove-CsPersistentChatRoom: the room goes with everything in it, and compliance keeps what went and who. */
    @Test
    void deletingARoomTakesItsHistoryFilesFollowsAndInvitationsAndIsRecorded() {
        RoomView room = roomInRoot(ALICE, Privacy.CLOSED, RoomType.NORMAL);
        tx(() -> rooms.grant(ALICE, room.uri(), RoomRole.MEMBER, BOB));
        tx(() -> posts.post(ALICE, room.uri(), "minutes follow", null));
        tx(() -> posts.post(BOB, room.uri(), "thanks", null));
        String hash = Hashes.sha256Hex("minutes");
        tx(() -> files.register(
                ALICE, room.uri(), new FileDescription("minutes.txt", 7, hash, "text/plain", "files/" + hash)));
        tx(() -> follows.follow(BOB, room.uri()));
        tx(() -> invitations.invite(ALICE, room.uri(), BOB));
        long version = tx(() -> rooms.find(ALICE, room.uri())).version();

        assertRefused(() -> tx(() -> rooms.deleteRoom(ALICE, room.uri(), null)), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> rooms.deleteRoom(BOB, room.uri(), null)), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> rooms.deleteRoom(ADMIN, room.uri(), version - 1)), Reason.STALE_VERSION);
        assertRefused(() -> tx(() -> roomsManagersDelete.deleteRoom(BOB, room.uri(), null)), Reason.FORBIDDEN);
        assertThat(tx(() -> history.last(ALICE, room.uri(), 10)))
                .as("refusals change nothing")
                .hasSize(2);

        compliance_events.clear();
        events.accessChanges.clear();
        tx(() -> roomsManagersDelete.deleteRoom(ALICE, room.uri(), version));

        assertRefused(() -> tx(() -> rooms.find(ADMIN, room.uri())), Reason.NOT_FOUND);
        assertThat(tx(() -> follows.followed(BOB))).extracting(RoomView::uri).doesNotContain(room.uri());
        assertThat(tx(() -> invitations.pending(BOB, 0)))
                .extracting(InvitationView::roomUri)
                .doesNotContain(room.uri());
        assertThat(tx(() -> rooms.search(ADMIN, room.name()))).isEmpty();
        assertThat(events.accessChanges)
                .as("the nodes take its participants out")
                .anyMatch(change -> room.uri().equals(change.roomUri()));
        ComplianceEvent deleted = compliance_events.stream()
                .filter(event -> event.type() == ComplianceEventType.ROOM_DELETED)
                .findFirst()
                .orElseThrow();
        assertThat(deleted.roomUri()).isEqualTo(room.uri());
        assertThat(deleted.roomName()).isEqualTo(room.name());
        assertThat(deleted.actor()).isEqualTo(ALICE);
        assertThat(deleted.details())
                .containsEntry("messages", "2")
                .containsEntry("files", "1")
                .containsEntry("follows", "1")
                .containsEntry("invitations", "1")
                .containsEntry("privacy", "CLOSED");
        assertRefused(() -> tx(() -> rooms.deleteRoom(ADMIN, room.uri(), null)), Reason.NOT_FOUND);
    }

    /** New-, Remove-CsPersistentChatAddin: administrators keep add-ins, a room's managers pick one. */
    @Test
    void addInsAreRegisteredByAdministratorsAndPickedByARoomsManagers() {
        AddInService addIns = addIns();
        String name = unique("Board");
        assertRefused(() -> tx(() -> addIns.register(ALICE, name, "https://board.contoso.com/")), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> addIns.register(ADMIN, name, "javascript:alert(1)")), Reason.INVALID);
        assertRefused(() -> tx(() -> addIns.register(ADMIN, name, "/relative")), Reason.INVALID);
        assertThat(tx(() -> addIns.register(ADMIN, name, "https://board.contoso.com/"))
                        .url())
                .isEqualTo("https://board.contoso.com/");
        assertThat(tx(() -> addIns.register(ADMIN, name, "https://board.contoso.com/v2"))
                        .url())
                .endsWith("/v2");

        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        assertRefused(() -> tx(() -> addIns.useInRoom(BOB, room.uri(), name)), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> addIns.useInRoom(ALICE, room.uri(), "no such add-in")), Reason.NOT_FOUND);
        RoomView withAddIn = tx(() -> addIns.useInRoom(ALICE, room.uri(), name));
        assertThat(withAddIn.addInName()).isEqualTo(name);
        assertThat(withAddIn.addInUrl()).isEqualTo("https://board.contoso.com/v2");

        assertRefused(() -> tx(() -> addIns.remove(ALICE, name)), Reason.FORBIDDEN);
        tx(() -> addIns.remove(ADMIN, name));
        assertThat(tx(() -> rooms.find(ALICE, room.uri())).addInName())
                .as("the room has none any more")
                .isNull();
        assertThat(tx(() -> addIns.addIns())).extracting(AddInView::name).doesNotContain(name);
    }

    /** New-CsPersistentChatRoom in one step: settings and roles together, or nothing at all. */
    @Test
    void aRoomIsCreatedInOneStepWithItsRolesOrNotAtAll() {
        String root = tx(() -> categories.root()).uri();
        String name = unique("Whole");
        RoomView room = tx(() -> rooms.createRoom(
                ALICE,
                new NewRoom(
                        name,
                        "made whole",
                        root,
                        Privacy.CLOSED,
                        RoomType.AUDITORIUM,
                        InvitationSetting.ON,
                        Set.of(BOB, "group:leads"),
                        Set.of(CAROL),
                        Set.of(BOB))));
        assertThat(room.invitations()).isEqualTo(InvitationSetting.ON);
        RoomRolesView roles = tx(() -> rooms.roles(ALICE, room.uri()));
        assertThat(roles.members()).contains(BOB, "group:leads");
        assertThat(roles.managers()).containsExactlyInAnyOrder(ALICE, CAROL);
        assertThat(roles.presenters()).containsExactly(BOB);
        assertThat(compliance_events)
                .filteredOn(
                        event -> event.roomUri().equals(room.uri()) && event.type() == ComplianceEventType.ROOM_CREATED)
                .singleElement()
                .satisfies(event -> assertThat(event.details()).containsEntry("managers", CAROL));

        String refused = unique("Refused");
        assertRefused(() -> closedRoomWithMembers(refused, root, Set.of(BOB, "nobody")), Reason.INVALID);
        assertRefused(() -> closedRoomWithMembers(refused, root, Set.of(MALLORY)), Reason.FORBIDDEN);
        assertThat(tx(() -> rooms.search(ADMIN, refused)))
                .as("no room of a refused creation")
                .isEmpty();
    }

    /** Retention: a category's days, a room's own say, a preview that changes nothing, a run recorded as a clear. */
    @Test
    void retentionClearsWhatIsOlderThanTheRoomsDaysAndRecordsItAsAClear() {
        CategoryView category = category("Kept", Set.of("domain:contoso.com"), Set.of(), Set.of("domain:contoso.com"));
        RoomView kept = openRoom(ALICE, "Kept", "30 days", category.uri());
        RoomView forever = openRoom(ALICE, "Forever", "its own say", category.uri());
        RoomView elsewhere = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        for (RoomView room : List.of(kept, kept, forever, elsewhere)) {
            tx(() -> posts.post(ALICE, room.uri(), "said on day one", null));
        }
        TestClock later = new TestClock(clock.instant().plus(java.time.Duration.ofDays(31)));
        EntityManager em = entityManager;
        var roomRepository = new JpaRoomRepository(em);
        var messages = new JpaMessageRepository(em);
        RetentionService retention = new RetentionService(
                callers,
                roomRepository,
                new JpaCategoryRepository(em),
                messages,
                compliance,
                configuration,
                later,
                new RetentionBatches(
                        roomRepository,
                        messages,
                        new JpaFileRecordRepository(em),
                        new JpaHistoryChangeRepository(em),
                        compliance,
                        later));

        assertRefused(() -> tx(() -> retention.setCategoryRetention(ALICE, category.uri(), 30)), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> retention.setRoomRetention(ADMIN, kept.uri(), 40_000)), Reason.INVALID);
        assertThat(tx(() -> retention.setCategoryRetention(ADMIN, category.uri(), 30)))
                .isEqualTo(30);
        assertThat(tx(() -> categories.find(ADMIN, category.uri())).retentionDays())
                .as("shown to administrators")
                .isEqualTo(30);
        assertThat(tx(() -> categories.find(ALICE, category.uri())).retentionDays())
                .as("not to others")
                .isNull();
        assertThat(tx(() -> retention.setRoomRetention(ADMIN, forever.uri(), 0)))
                .isZero();

        assertThat(tx(() -> retention.preview(ADMIN)))
                .filteredOn(room -> room.roomUri().equals(kept.uri()))
                .singleElement()
                .satisfies(room -> {
                    assertThat(room.days()).isEqualTo(30);
                    assertThat(room.messages()).isEqualTo(2);
                });
        assertThat(tx(() -> retention.preview(ADMIN)))
                .extracting(RetentionView::roomUri)
                .doesNotContain(forever.uri(), elsewhere.uri());
        assertThat(tx(() -> history.last(ALICE, kept.uri(), 10)))
                .as("a preview changes nothing")
                .hasSize(2);

        compliance_events.clear();
        assertThat(tx(() -> retention.run(ADMIN)))
                .filteredOn(room -> room.roomUri().equals(kept.uri()))
                .singleElement()
                .extracting(RetentionView::messages)
                .isEqualTo(2L);
        assertThat(tx(() -> history.last(ALICE, kept.uri(), 10))).isEmpty();
        assertThat(tx(() -> history.last(ALICE, forever.uri(), 10))).hasSize(1);
        assertThat(tx(() -> history.last(ALICE, elsewhere.uri(), 10))).hasSize(1);
        assertThat(tx(() -> history.changes(ADMIN, kept.uri()))).last().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(HistoryChange.Kind.CLEARED_BEFORE);
            assertThat(change.messagesAffected()).isEqualTo(2);
        });
        assertThat(compliance_events)
                .filteredOn(event -> event.type() == ComplianceEventType.HISTORY_CLEARED)
                .singleElement()
                .satisfies(event -> assertThat(event.details())
                        .containsEntry("reason", "retention")
                        .containsEntry("deleted", "2")
                        .containsEntry("retentionDays", "30"));
        assertThat(tx(() -> retention.run(ADMIN))).as("nothing left to clear").noneMatch(room -> room.roomUri()
                .equals(kept.uri()));
    }

    /** Remove-CsPersistentChatMessage: by room, author, time and text, counted first, recorded per room. */
    @Test
    void messagesMatchingAFilterAreRemovedOrReplacedAfterADryRunAndRecorded() {
        RoomView one = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        RoomView two = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        String leak = "Secret-" + UUID.randomUUID().toString().substring(0, 6);
        tx(() -> posts.post(ALICE, one.uri(), "the code is " + leak, null));
        tx(() -> posts.post(BOB, one.uri(), "did you say " + leak.toUpperCase() + "?", null));
        tx(() -> posts.post(ALICE, one.uri(), "never mind", null));
        tx(() -> posts.post(ALICE, two.uri(), leak + " again", null));
        HistoryQuery byText = new HistoryQuery(List.of(), null, null, null, leak.toLowerCase());

        assertRefused(() -> tx(() -> history.rewriteMatching(ALICE, byText, true, null)), Reason.FORBIDDEN);
        assertRefused(
                () -> tx(() -> history.rewriteMatching(
                        ADMIN, new HistoryQuery(List.of(), null, null, null, null), true, null)),
                Reason.INVALID);
        BulkRewriteView dry = tx(() -> history.rewriteMatching(ADMIN, byText, true, null));
        assertThat(dry.messages()).isEqualTo(3);
        assertThat(dry.rooms()).extracting(BulkRewriteView.RoomCount::messages).containsExactlyInAnyOrder(2L, 1L);
        assertThat(tx(() -> history.last(ALICE, one.uri(), 10)))
                .as("a dry run changes nothing")
                .hasSize(3);

        compliance_events.clear();
        BulkRewriteView replaced = tx(() -> history.rewriteMatching(
                ADMIN, new HistoryQuery(List.of(two.uri()), ALICE, null, null, leak), false, "[removed]"));
        assertThat(replaced.messages()).isEqualTo(1);
        assertThat(tx(() -> history.last(ALICE, two.uri(), 10)))
                .extracting(MessageView::text)
                .containsExactly("[removed]");

        BulkRewriteView removed = tx(() -> history.rewriteMatching(
                ADMIN, new HistoryQuery(List.of(one.uri()), BOB, null, null, leak), false, null));
        assertThat(removed.messages()).isEqualTo(1);
        assertThat(tx(() -> history.last(ALICE, one.uri(), 10)))
                .extracting(MessageView::text)
                .containsExactly("the code is " + leak, "never mind");
        assertThat(tx(() -> history.changes(ADMIN, one.uri()))).last().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(HistoryChange.Kind.REMOVED_MATCHING);
            assertThat(change.messagesAffected()).isEqualTo(1);
            assertThat(change.filter()).contains("author=" + BOB).contains(leak);
        });
        assertThat(compliance_events)
                .extracting(ComplianceEvent::type)
                .as("besides the history reads")
                .filteredOn(type -> type != ComplianceEventType.BACKCHAT)
                .containsExactly(ComplianceEventType.MESSAGES_REPLACED, ComplianceEventType.MESSAGES_REMOVED);
    }

    /** A file and the room's post announcing it, as an upload stores them (FileRecordService.registerAnnounced). */
    private static FileView uploaded(String uploader, String roomUri, String name) {
        String hash = Hashes.sha256Hex(name + UUID.randomUUID());
        return tx(() -> files.registerAnnounced(
                uploader,
                roomUri,
                new FileDescription(name, 6, hash, "text/plain", "files/" + hash),
                URI.create("http://localhost:8080/parley/api/v1/files/")));
    }

    private static String announcement(FileView file) {
        return "[file] " + file.fileName() + " (" + file.sizeBytes()
                + " bytes) http://localhost:8080/parley/api/v1/files/" + file.id();
    }

    /**
     * A bulk removal takes the files whose announcements it removed (their records; their bytes go at the file
     * store's next clean-up), counted in the dry run and the result and named in compliance; a text that only looks
     * like an announcement, posted by someone other than the uploader, takes no file. A replacement takes the
     * announcement away too, so the file goes, unless the new text still announces that file.
     */
    @Test
    void aBulkRemovalTakesTheFilesWhoseAnnouncementsItRemoved() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        FileView plan = uploaded(ALICE, room.uri(), "plan.txt");
        FileView notes = uploaded(BOB, room.uri(), "notes.txt");
        FileView budget = uploaded(ALICE, room.uri(), "budget.txt");
        tx(() -> posts.post(BOB, room.uri(), announcement(budget), null));
        tx(() -> posts.post(BOB, room.uri(), "thanks", null));
        HistoryQuery bobs = new HistoryQuery(List.of(room.uri()), BOB, null, null, null);

        BulkRewriteView dry = tx(() -> history.rewriteMatching(ADMIN, bobs, true, null));
        assertThat(dry.messages()).isEqualTo(3);
        assertThat(dry.files()).as("notes, not budget: bob did not upload it").isEqualTo(1);
        assertThat(dry.rooms())
                .singleElement()
                .extracting(BulkRewriteView.RoomCount::files)
                .isEqualTo(1L);
        assertThat(tx(() -> files.files(ADMIN, room.uri())))
                .as("a dry run changes nothing")
                .extracting(FileView::id)
                .containsExactlyInAnyOrder(plan.id(), notes.id(), budget.id());

        compliance_events.clear();
        BulkRewriteView removed = tx(() -> history.rewriteMatching(ADMIN, bobs, false, null));
        assertThat(removed.messages()).isEqualTo(3);
        assertThat(removed.files()).isEqualTo(1);
        assertThat(tx(() -> files.files(ADMIN, room.uri())))
                .extracting(FileView::id)
                .containsExactlyInAnyOrder(plan.id(), budget.id());
        assertRefused(() -> tx(() -> files.find(ADMIN, notes.id())), Reason.NOT_FOUND);
        assertThat(compliance_events)
                .filteredOn(event -> event.type() == ComplianceEventType.MESSAGES_REMOVED)
                .singleElement()
                .satisfies(event -> assertThat(event.details())
                        .containsEntry("messages", "3")
                        .containsEntry("filesRemoved", "1"));

        HistoryQuery budgetPost = new HistoryQuery(List.of(room.uri()), ALICE, null, null, "budget.txt");
        BulkRewriteView same = tx(() -> history.rewriteMatching(ADMIN, budgetPost, false, announcement(budget)));
        assertThat(same.messages()).isEqualTo(1);
        assertThat(same.files()).as("the new text still announces the file").isZero();

        compliance_events.clear();
        BulkRewriteView replaced = tx(() -> history.rewriteMatching(
                ADMIN, new HistoryQuery(List.of(room.uri()), null, null, null, "plan.txt"), false, "[removed]"));
        assertThat(replaced.messages()).isEqualTo(1);
        assertThat(replaced.files()).isEqualTo(1);
        assertThat(tx(() -> files.files(ADMIN, room.uri())))
                .extracting(FileView::id)
                .containsExactly(budget.id());
        assertThat(tx(() -> history.last(ADMIN, room.uri(), 10)))
                .extracting(MessageView::text)
                .containsExactly("[removed]", announcement(budget));
        assertThat(compliance_events)
                .filteredOn(event -> event.type() == ComplianceEventType.MESSAGES_REPLACED)
                .singleElement()
                .satisfies(event -> assertThat(event.details()).containsEntry("filesRemoved", "1"));
    }

    /** Remove-CsPersistentChatCategory: empty, or with its rooms moved in the same transaction; never Root. */
    @Test
    void aCategoryIsRemovedEmptyOrWithItsRoomsMovedAndRootStays() {
        CategoryView doomed = category("Doomed", Set.of("domain:contoso.com"), Set.of(), Set.of("domain:contoso.com"));
        CategoryView target = category("Target", Set.of("domain:contoso.com"), Set.of(), Set.of());
        RoomView room = openRoom(ALICE, "Moving", "moves", doomed.uri());
        String root = tx(() -> categories.root()).uri();

        assertRefused(
                () -> tx(() -> categories.removeCategory(ALICE, doomed.uri(), target.uri(), null)), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> categories.removeCategory(ADMIN, doomed.uri(), null, null)), Reason.CONFLICT);
        assertRefused(
                () -> tx(() -> categories.removeCategory(ADMIN, doomed.uri(), doomed.uri(), null)), Reason.INVALID);
        assertRefused(
                () -> tx(() -> categories.removeCategory(ADMIN, doomed.uri(), target.uri(), doomed.version() - 1)),
                Reason.STALE_VERSION);
        assertRefused(() -> tx(() -> categories.removeCategory(ADMIN, root, target.uri(), null)), Reason.CONFLICT);
        assertRefused(
                () -> tx(() -> categories.updateCategory(
                        ADMIN, root, new CategorySettings(unique("Renamed"), null, true, true, true), null)),
                Reason.CONFLICT);
        assertThat(tx(() -> rooms.find(ALICE, room.uri())).categoryUri())
                .as("refusals change nothing")
                .isEqualTo(doomed.uri());

        compliance_events.clear();
        assertThat(tx(() -> categories.removeCategory(ADMIN, doomed.uri(), target.uri(), doomed.version())))
                .isEqualTo(1);
        assertThat(tx(() -> rooms.find(ALICE, room.uri())).categoryUri()).isEqualTo(target.uri());
        assertRefused(() -> tx(() -> categories.find(doomed.uri())), Reason.NOT_FOUND);
        assertThat(compliance_events)
                .extracting(ComplianceEvent::type)
                .containsExactly(ComplianceEventType.ROOM_CHANGED);
        assertThat(tx(() -> categories.removeCategory(ADMIN, target.uri(), root, null)))
                .isEqualTo(1);
        assertThat(tx(() -> rooms.find(ALICE, room.uri())).categoryUri()).isEqualTo(root);
    }

    /** Remove-CsPersistentChatPolicy: its users fall back to Global; Global stays. */
    @Test
    void aRemovedPolicysUsersFallBackToGlobal() {
        String name = unique("Quiet").replace(' ', '-');
        String dora = "sip:dora-" + UUID.randomUUID().toString().substring(0, 4) + "@contoso.com";
        tx(() -> policies.definePolicy(ADMIN, name, false));
        tx(() -> policies.assignPolicy(ADMIN, dora, name));
        assertThat(tx(() -> policies.isEnabled(dora))).isFalse();
        assertThat(tx(() -> policies.usersOf(ADMIN, name)))
                .as("whom it applies to")
                .containsExactly(dora);
        assertThat(tx(() -> policies.usersOf(ADMIN, "Global"))).isEmpty();
        assertRefused(() -> tx(() -> policies.usersOf(ALICE, name)), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> policies.removePolicy(ALICE, name)), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> policies.removePolicy(ADMIN, "Global")), Reason.CONFLICT);
        assertThat(tx(() -> policies.removePolicy(ADMIN, name))).isEqualTo(1);
        assertThat(tx(() -> policies.isEnabled(dora))).as("Global enables chat").isTrue();
        assertThat(tx(() -> policies.policies())).extracting(PolicyView::name).doesNotContain(name);
        assertRefused(() -> tx(() -> policies.removePolicy(ADMIN, name)), Reason.NOT_FOUND);
        assertRefused(() -> tx(() -> policies.usersOf(ADMIN, name)), Reason.NOT_FOUND);
    }

    /** The administrator right through the API; the last administrator keeps it. */
    @Test
    void administratorsAreGrantedAndRevokedButNeverTheLast() {
        String erin = "sip:erin-" + UUID.randomUUID().toString().substring(0, 4) + "@contoso.com";
        assertRefused(() -> tx(() -> policies.setAdministrator(ALICE, erin, true)), Reason.FORBIDDEN);
        tx(() -> policies.setAdministrator(ADMIN, erin, true));
        assertThat(tx(() -> policies.isAdministrator(erin))).isTrue();
        assertThat(tx(() -> policies.administrators())).contains(erin, ADMIN);
        tx(() -> policies.setAdministrator(erin, ADMIN, false));
        assertThat(tx(() -> policies.isAdministrator(ADMIN))).isFalse();
        assertRefused(() -> tx(() -> policies.setAdministrator(erin, erin, false)), Reason.CONFLICT);
        tx(() -> policies.setAdministrator(erin, ADMIN, true));
        tx(() -> policies.setAdministrator(ADMIN, erin, false));
        assertThat(tx(() -> policies.administrators())).doesNotContain(erin).contains(ADMIN);
    }

    @Test
    void followingIsIdempotentAndInvitationsArriveInIdOrder() {
        RoomView room = roomInRoot(ALICE, Privacy.CLOSED, RoomType.NORMAL);
        RoomView other = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        String henry = "sip:henry" + UUID.randomUUID().toString().substring(0, 4) + "@contoso.com";
        assertRefused(() -> tx(() -> follows.follow(henry, room.uri())), Reason.FORBIDDEN);
        assertRefused(() -> tx(() -> invitations.invite(ALICE, room.uri(), henry)), Reason.INVALID);

        tx(() -> rooms.grant(ALICE, room.uri(), RoomRole.MEMBER, henry));
        tx(() -> follows.follow(henry, room.uri()));
        tx(() -> follows.follow(henry, room.uri()));
        tx(() -> follows.follow(henry, other.uri()));
        assertThat(tx(() -> follows.followed(henry)))
                .extracting(RoomView::uri)
                .containsExactlyInAnyOrder(room.uri(), other.uri());
        database.inTransaction(() -> follows.unfollow(henry, other.uri()));
        assertThat(tx(() -> follows.followed(henry))).extracting(RoomView::uri).containsExactly(room.uri());

        InvitationView first = tx(() -> invitations.invite(ALICE, room.uri(), henry));
        assertThat(tx(() -> invitations.invite(ALICE, room.uri(), henry)).id()).isEqualTo(first.id());
        InvitationView second = tx(() -> invitations.invite(ALICE, other.uri(), henry));
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(tx(() -> invitations.pending(henry, 0)))
                .extracting(InvitationView::id)
                .containsExactly(first.id(), second.id());
        assertThat(tx(() -> invitations.pending(henry, first.id())))
                .extracting(InvitationView::roomUri)
                .containsExactly(other.uri());
        tx(() -> invitations.markSeen(henry, second.id()));
        assertThat(tx(() -> invitations.pending(henry, first.id()))).isEmpty();
        assertRefused(() -> tx(() -> invitations.invite(BOB, other.uri(), henry)), Reason.FORBIDDEN);
    }

    @Test
    void fileMetadataIsKeptForRoomsThatAllowFiles() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        String hash = Hashes.sha256Hex("report");
        var file = tx(() -> files.register(
                BOB,
                room.uri(),
                new FileDescription(
                        "C:\\Users\\bob\\report.pdf", 6, hash.toUpperCase(), "application/pdf", "files/" + hash)));
        assertThat(file.fileName()).isEqualTo("report.pdf");
        assertThat(file.sha256()).isEqualTo(hash);
        assertThat(file.uploader()).isEqualTo(BOB);
        assertThat(tx(() -> files.files(ALICE, room.uri())))
                .extracting(f -> f.id())
                .containsExactly(file.id());
        assertThat(tx(() -> files.find(ALICE, file.id())).storageKey()).isEqualTo("files/" + hash);
        assertRefused(
                () -> tx(() -> files.register(
                        BOB, room.uri(), new FileDescription("big.iso", 2_000_000, hash, null, "files/big"))),
                Reason.TOO_LARGE);
        assertRefused(
                () -> tx(() -> files.register(BOB, room.uri(), new FileDescription("x", 1, "nothex", null, "files/x"))),
                Reason.INVALID);
        assertRefused(
                () -> tx(() ->
                        files.register(BOB, room.uri(), new FileDescription("x", 1, hash, null, "../etc/passwd"))),
                Reason.INVALID);
        assertRefused(() -> tx(() -> files.find(MALLORY, file.id())), Reason.NOT_FOUND);
    }

    @Test
    void downloadsAreForReadersOfTheRoomAndRecordedForCompliance() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        String hash = Hashes.sha256Hex("minutes");
        var file = tx(() -> files.register(
                ALICE, room.uri(), new FileDescription("minutes.txt", 7, hash, "text/plain", "ab/" + hash)));
        compliance_events.clear();
        assertThat(tx(() -> files.download(BOB, file.id())).storageKey()).isEqualTo("ab/" + hash);
        assertThat(compliance_events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(ComplianceEventType.FILEDOWNLOAD);
            assertThat(event.details())
                    .containsEntry("file", "minutes.txt")
                    .containsEntry("fileId", Long.toString(file.id()));
        });
        compliance_events.clear();
        assertRefused(() -> tx(() -> files.download(MALLORY, file.id())), Reason.NOT_FOUND);
        assertRefused(() -> tx(() -> files.download(BOB, file.id() + 1000)), Reason.NOT_FOUND);
        assertThat(compliance_events).isEmpty();
    }

    @Test
    void messagesLongerThanTheStorySizeLimitAreRefused() {
        RoomView room = roomInRoot(ALICE, Privacy.OPEN, RoomType.NORMAL);
        assertRefused(() -> tx(() -> posts.post(ALICE, room.uri(), "x".repeat(4097), null)), Reason.TOO_LARGE);
        assertThat(tx(() -> posts.post(ALICE, room.uri(), "x".repeat(4096), null))
                        .message()
                        .seq())
                .isEqualTo(1);
        assertRefused(
                () -> tx(() -> posts.post(ALICE, "ma-chan://contoso.com/" + UUID.randomUUID(), "hi", null)),
                Reason.NOT_FOUND);
        assertRefused(() -> tx(() -> posts.post(ALICE, "not a room", "hi", null)), Reason.INVALID);
    }

    private static List<Long> range(int count) {
        List<Long> numbers = new ArrayList<>();
        for (long i = 1; i <= count; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
