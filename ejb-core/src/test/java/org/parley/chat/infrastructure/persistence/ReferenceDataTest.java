package org.parley.chat.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.infrastructure.persistence.jpa.JpaCategoryRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaChatPolicyRepository;
import org.parley.chat.testing.ChatStoreTestDatabase;
import org.parley.chat.testing.TestChatConfiguration;

/** The reference data at a start, when another node of a pool starts at the same moment on the same store. */
class ReferenceDataTest {

    private static final ChatConfiguration CONFIGURATION =
            TestChatConfiguration.contoso().build();
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

    private final ChatStoreTestDatabase database = new ChatStoreTestDatabase();

    @AfterEach
    void close() {
        database.close();
    }

    /**
     * This node reads the store (nothing there), the other node adds the Global policy and the Root category and
     * commits, then this node adds them too: its commit is refused by the unique constraints, and its next attempt
     * finds the other node's rows. Without the second attempt the node fails to deploy.
     */
    @Test
    void aNodeThatLosesTheRaceToAnotherStartingNodeFindsItsRowsAndStarts() {
        AtomicBoolean otherNodeStarted = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        EntityManager em = database.entityManager();
        EntityManager racing = (EntityManager) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (self, method, arguments) -> {
                    if (method.getName().equals("persist") && otherNodeStarted.compareAndSet(false, true)) {
                        // After this node found nothing and before it adds: the other node's whole start.
                        CompletableFuture.runAsync(() -> database.inTransaction(
                                        () -> ReferenceData.ensure(database.entityManager(), CONFIGURATION, NOW)))
                                .get(30, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(em, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        ReferenceData.ensureOnStart(database::inTransaction, () -> {
            attempts.incrementAndGet();
            ReferenceData.ensure(racing, CONFIGURATION, NOW);
        });

        assertThat(otherNodeStarted).isTrue();
        assertThat(attempts).hasValue(2);
        database.inTransaction(() -> {
            assertThat(new JpaChatPolicyRepository(em).findByName(ChatPolicy.GLOBAL))
                    .isPresent();
            assertThat(new JpaCategoryRepository(em).findByName(Category.ROOT_NAME))
                    .isPresent();
        });
    }

    @Test
    void aStoreThatKeepsRefusingFailsTheStartAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> ReferenceData.ensureOnStart(database::inTransaction, () -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("store unreachable");
                }))
                .hasMessage("store unreachable");
        assertThat(attempts).hasValue(ReferenceData.START_ATTEMPTS);
    }
}
