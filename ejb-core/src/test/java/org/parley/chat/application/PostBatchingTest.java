package org.parley.chat.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.chat.testing.ChatAssertions.assertRefused;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.application.dto.PostedMessage;
import org.parley.chat.application.events.RoomPublishOrder;
import org.parley.chat.domain.model.message.Message;
import org.parley.chat.domain.model.message.MessageRepository;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.shared.ChatException.Reason;
import org.parley.chat.infrastructure.persistence.jpa.JpaMessageRepository;

/**
 * Group commit ({@link PostWriter} over {@link PostService#postAll}) on a real store: posts share a transaction,
 * a post the rules refuse fails alone, a batch the store fails is written again one post at a time so that only
 * the failing post fails, and every post answered is stored, once, in its room's order.
 */
class PostBatchingTest {

    private static final String ALICE = "sip:alice@contoso.com";
    private static final String MALLORY = "sip:mallory@fabrikam.com";
    /** A text the store refuses to keep: stands for any write the database fails. */
    private static final String POISON = "the store refuses this one";

    private final ChatStoreHarness store = new ChatStoreHarness();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger singles = new AtomicInteger();
    /** The posts whose author was answered (their 200), by text. */
    private final List<String> answered = new CopyOnWriteArrayList<>();

    /** The store with its messages repository refusing {@link #POISON}, each call in a transaction (REQUIRED). */
    private final PostService posts =
            new PostService(
                    store.callers,
                    store.roomRepository,
                    refusing(POISON),
                    store.configuration,
                    store.clock,
                    store.complianceEvents::add,
                    store.events,
                    store.afterCommit,
                    new RoomPublishOrder()) {
                @Override
                public PostedMessage post(PostRequest request) {
                    singles.incrementAndGet();
                    return store.tx(() -> super.post(request));
                }

                @Override
                public List<PostOutcome> postAll(List<PostRequest> requests) {
                    batches.incrementAndGet();
                    return store.tx(() -> super.postAll(requests));
                }
            };

    private final PostWriter writer = new PostWriter(posts);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void postsWaitingTogetherShareOneTransactionAndARefusedPostFailsAlone() {
        String a = openRoom("A");
        String b = openRoom("B");
        List<PostWriter.Waiting> queued = List.of(
                writer.queue(request(ALICE, a, "one")),
                writer.queue(request(MALLORY, a, "not of this domain")),
                writer.queue(request(ALICE, a, "x".repeat(store.configuration.storySizeLimit() + 1))),
                writer.queue(request(ALICE, b, "in b")),
                writer.queue(request(ALICE, a, "two")));

        assertThat(writer.written(queued.get(0)).message().seq()).isEqualTo(1);
        // A room of another domain's is not even shown to an outsider.
        assertRefused(() -> writer.written(queued.get(1)), Reason.NOT_FOUND);
        assertRefused(() -> writer.written(queued.get(2)), Reason.TOO_LARGE);
        assertThat(writer.written(queued.get(3)).message().seq()).isEqualTo(1);
        assertThat(writer.written(queued.get(4)).message().seq()).isEqualTo(2);

        assertThat(batches).hasValue(1);
        assertThat(singles).hasValue(0);
        assertThat(answered).containsExactlyInAnyOrder("one", "in b", "two");
        assertThat(history(a)).containsExactly("one", "two");
        assertThat(history(b)).containsExactly("in b");
        assertThat(published(a)).containsExactly("one", "two");
    }

    @Test
    void aBatchTheStoreFailsIsWrittenAgainOnePostAtATimeAndOnlyTheFailingPostFails() {
        String a = openRoom("A");
        List<PostWriter.Waiting> queued = List.of(
                writer.queue(request(ALICE, a, "one")),
                writer.queue(request(ALICE, a, POISON)),
                writer.queue(request(ALICE, a, "two")));

        assertThat(writer.written(queued.get(0)).message().seq()).isEqualTo(1);
        assertThatThrownBy(() -> writer.written(queued.get(1))).isInstanceOf(RuntimeException.class);
        assertThat(writer.written(queued.get(2)).message().seq()).isEqualTo(2);

        assertThat(batches).hasValue(1);
        assertThat(singles).hasValue(3);
        assertThat(answered).containsExactly("one", "two");
        assertThat(history(a)).containsExactly("one", "two");
        // The batch that rolled back told nobody anything: each post is published once, by its own transaction.
        assertThat(published(a)).containsExactly("one", "two");
    }

    /** Many posters at once: every post answered is stored and published once, in its room's numbering. */
    @Test
    void underConcurrentPostersEveryAnsweredPostIsStoredAndPublishedOnceInOrder() throws Exception {
        List<String> rooms = List.of(openRoom("A"), openRoom("B"), openRoom("C"));
        int posters = 8;
        int each = 40;
        Map<String, RuntimeException> failed = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(posters);
        for (int poster = 0; poster < posters; poster++) {
            int p = poster;
            pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    String text = i % 13 == 7 ? POISON : "post " + p + "." + i;
                    try {
                        writer.post(request(ALICE, rooms.get((p + i) % rooms.size()), text));
                    } catch (RuntimeException e) {
                        failed.put(p + "." + i, e);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        int poisoned = posters
                * (int) java.util.stream.IntStream.range(0, each)
                        .filter(i -> i % 13 == 7)
                        .count();
        assertThat(failed).hasSize(poisoned);
        assertThat(answered)
                .hasSize(posters * each - poisoned)
                .doesNotHaveDuplicates()
                .doesNotContain(POISON);
        List<String> stored = new ArrayList<>();
        for (String room : rooms) {
            List<MessageView> kept = store.tx(() -> store.history.after(ALICE, room, 0, 500));
            assertThat(kept)
                    .extracting(MessageView::seq)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, kept.size())
                            .boxed()
                            .toList());
            assertThat(store.publishedPosts)
                    .filteredOn(m -> m.roomUri().equals(room))
                    .extracting(MessageView::seq)
                    .containsExactlyElementsOf(
                            kept.stream().map(MessageView::seq).toList());
            kept.forEach(m -> stored.add(m.text()));
        }
        assertThat(stored).containsExactlyInAnyOrderElementsOf(answered);
    }

    private PostRequest request(String author, String room, String text) {
        return new PostRequest(author, room, text, null, () -> answered.add(text));
    }

    private String openRoom(String name) {
        String root = store.tx(() -> store.categories.root()).uri();
        return store.tx(() -> store.rooms.createRoom(
                        ALICE, new NewRoom(name + " " + System.nanoTime(), null, root, Privacy.OPEN, RoomType.NORMAL)))
                .uri();
    }

    private List<String> history(String room) {
        return store.tx(() -> store.history.after(ALICE, room, 0, 100)).stream()
                .map(MessageView::text)
                .toList();
    }

    private List<String> published(String room) {
        return store.publishedPosts.stream()
                .filter(m -> m.roomUri().equals(room))
                .map(MessageView::text)
                .toList();
    }

    private MessageRepository refusing(String text) {
        MessageRepository real = new JpaMessageRepository(store.em);
        return (MessageRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {MessageRepository.class}, (self, method, arguments) -> {
                    if (method.getName().equals("add")
                            && arguments[0] instanceof Message message
                            && text.equals(message.text())) {
                        throw new PersistenceException("the store cannot write this row");
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
