package org.parley.chat.infrastructure.persistence;

import java.time.Instant;
import java.util.UUID;

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

    private ReferenceData() {
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
            users.find(administrator).ifPresentOrElse(ChatUser::confirmBootstrapAdministrator,
                    () -> users.add(ChatUser.bootstrapAdministrator(administrator)));
        }
    }
}
