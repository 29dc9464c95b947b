package org.parley.chat.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.events.AfterCommit;
import org.parley.chat.application.events.RoomPublishOrder;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.infrastructure.persistence.ReferenceData;
import org.parley.chat.infrastructure.persistence.jpa.JpaAddInRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaCategoryRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaChatPolicyRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaChatUserRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaFileRecordRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaFileTransferTokenRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaFollowRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaHistoryChangeRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaMessageRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaRoomRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaUserGroupRepository;
import org.parley.chat.testing.ChatStoreTestDatabase;
import org.parley.chat.testing.RecordedRoomEvents;
import org.parley.chat.testing.TestChatConfiguration;
import org.parley.chat.testing.TestClock;

/**
 * One fresh chat store (ChatStoreTestDatabase) with the services wired on it as the container wires them, each
 * call in its own transaction through {@link #tx}. Several can live side by side: an export from one, imported
 * into another that is empty. A test class registers its own as an extension ({@code @RegisterExtension static}),
 * which closes it after the class's last test.
 */
final class ChatStoreHarness implements AutoCloseable, AfterAllCallback {

    static final String ADMIN = "sip:admin@contoso.com";

    final ChatStoreTestDatabase database = new ChatStoreTestDatabase();
    final TestClock clock = new TestClock(Instant.parse("2024-05-01T12:00:00Z"));
    final List<ComplianceEvent> complianceEvents = new CopyOnWriteArrayList<>();
    final ChatConfiguration configuration =
            TestChatConfiguration.contoso().administrators(SipUri.parse(ADMIN)).build();
    final FileTransferSettings transferSettings =
            new FileTransferSettings(Duration.ofMinutes(5), "https://pool.contoso.com/parley/api/v1/filetokens");

    final EntityManager em = database.entityManager();
    final JpaRoomRepository roomRepository = new JpaRoomRepository(em);
    final JpaFileRecordRepository fileRepository = new JpaFileRecordRepository(em);
    final JpaFileTransferTokenRepository tokenRepository = new JpaFileTransferTokenRepository(em);
    final Callers callers = new Callers(new JpaChatUserRepository(em), new JpaChatPolicyRepository(em));
    final RecordedRoomEvents events = new RecordedRoomEvents();
    /** As the container runs it: work after a commit runs once {@link #tx}'s transaction has ended. */
    final AfterCommit afterCommit = AfterCommit.on(database.transactions());

    final AccessChanges accessChanges = new AccessChanges(callers, new JpaFollowRepository(em), events, afterCommit);
    final PolicyService policies =
            new PolicyService(callers, new JpaChatPolicyRepository(em), new JpaChatUserRepository(em), accessChanges);
    final DirectoryService directory = new DirectoryService(callers, new JpaUserGroupRepository(em), accessChanges);
    final RoomChanges roomChanges = new RoomChanges(events);
    final CategoryService categories = new CategoryService(
            callers,
            new JpaCategoryRepository(em),
            configuration,
            clock,
            accessChanges,
            roomRepository,
            complianceEvents::add,
            roomChanges);
    final RoomService rooms = new RoomService(
            callers,
            roomRepository,
            new JpaCategoryRepository(em),
            configuration,
            clock,
            complianceEvents::add,
            accessChanges,
            roomChanges);
    final List<MessageView> publishedPosts = events.posts;
    final PostService posts = new PostService(
            callers,
            roomRepository,
            new JpaMessageRepository(em),
            configuration,
            clock,
            complianceEvents::add,
            events,
            afterCommit,
            new RoomPublishOrder());
    final HistoryService history = new HistoryService(
            callers,
            roomRepository,
            new JpaMessageRepository(em),
            new JpaCategoryRepository(em),
            new JpaHistoryChangeRepository(em),
            fileRepository,
            configuration,
            clock,
            complianceEvents::add);
    final FileRecordService files = new FileRecordService(
            callers, roomRepository, fileRepository, configuration, clock, complianceEvents::add, posts);
    final FileTransferService transfers =
            new FileTransferService(callers, roomRepository, fileRepository, tokenRepository, transferSettings, clock);
    final StoreTransferService store = new StoreTransferService(
            callers,
            new JpaChatPolicyRepository(em),
            new JpaChatUserRepository(em),
            new JpaUserGroupRepository(em),
            new JpaCategoryRepository(em),
            roomRepository,
            new JpaMessageRepository(em),
            configuration,
            clock,
            complianceEvents::add,
            accessChanges,
            new JpaAddInRepository(em),
            fileRepository,
            database.transactions(),
            roomChanges);
    final AddInService addIns = new AddInService(
            callers, new JpaAddInRepository(em), roomRepository, complianceEvents::add, clock, roomChanges);
    /** Settings only: its runs need the container's transactions (RetentionBatches). */
    final RetentionService retention = new RetentionService(
            callers,
            roomRepository,
            new JpaCategoryRepository(em),
            new JpaMessageRepository(em),
            complianceEvents::add,
            configuration,
            clock,
            null);

    ChatStoreHarness() {
        database.inTransaction(() -> ReferenceData.ensure(em, configuration, clock.instant()));
    }

    <T> T tx(Supplier<T> call) {
        return database.inTransaction(call);
    }

    /** An open or closed, normal room in the root category, its name made unique. */
    RoomView roomInRoot(String creator, String name, Privacy privacy) {
        String root = tx(() -> categories.root()).uri();
        return tx(() -> rooms.createRoom(
                creator, new NewRoom(name + " " + UUID.randomUUID(), null, root, privacy, RoomType.NORMAL)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        database.close();
    }
}
