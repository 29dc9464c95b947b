package org.parley.chat.infrastructure.persistence;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryUri;
import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.domain.model.user.ChatUser;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.infrastructure.persistence.jpa.JpaCategoryRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaChatPolicyRepository;
import org.parley.chat.infrastructure.persistence.jpa.JpaChatUserRepository;

/**
 * What must exist for the store to work, ensured at every start: only what is missing is added, so
 * what administrators changed since (the Global policy's switch, the Root category) is kept.
 * Done in Java rather than in a migration, since its values come from the server's configuration.
 */
public final class ReferenceData {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class.getName());

    /** Attempts at a start: one, and one again for each other node that may be starting at the same moment. */
    static final int START_ATTEMPTS = 3;

    private ReferenceData() {}

    /**
     * {@code ensure} at a node's start, each attempt in a transaction of its own ({@code inTransaction} begins,
     * runs and commits it, or rolls it back and throws). Nodes of a pool that start at the same moment may all
     * find the Global policy missing and add it; the store's unique constraints refuse all but one, and the
     * others' next attempt finds what the winner added.
     */
    public static void ensureOnStart(Consumer<Runnable> inTransaction, Runnable ensure) {
        for (int attempt = 1; ; attempt++) {
            try {
                inTransaction.accept(ensure);
                return;
            } catch (RuntimeException e) {
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
                int failed = attempt;
                LOG.info(() -> "reference data: attempt " + failed + " refused (another node adding the same at "
                        + "this moment?), reading again: " + e);
            }
        }
    }

    public static void ensure(EntityManager em, ChatConfiguration configuration, Instant now) {
        JpaChatPolicyRepository policies = new JpaChatPolicyRepository(em);
        if (policies.findByName(ChatPolicy.GLOBAL).isEmpty()) {
            policies.add(ChatPolicy.global(configuration.globalPolicyEnabled()));
        }
        JpaCategoryRepository categories = new JpaCategoryRepository(em);
        if (categories.findByName(Category.ROOT_NAME).isEmpty()) {
            categories.add(Category.root(new CategoryUri(configuration.domain(), UUID.randomUUID()), now));
        }
        JpaChatUserRepository users = new JpaChatUserRepository(em);
        for (SipUri administrator : configuration.administrators()) {
            users.find(administrator)
                    .ifPresentOrElse(
                            ChatUser::confirmBootstrapAdministrator,
                            () -> users.add(ChatUser.bootstrapAdministrator(administrator)));
        }
    }
}
