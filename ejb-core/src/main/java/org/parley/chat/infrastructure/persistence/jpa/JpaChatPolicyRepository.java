package org.parley.chat.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.domain.model.user.ChatPolicyRepository;

@ApplicationScoped
public class JpaChatPolicyRepository extends JpaRepository<ChatPolicy> implements ChatPolicyRepository {

    public JpaChatPolicyRepository() {
        super(ChatPolicy.class);
    }

    public JpaChatPolicyRepository(EntityManager em) {
        super(ChatPolicy.class, em);
    }

    @Override
    public Optional<ChatPolicy> findByName(String name) {
        return byName(name);
    }

    @Override
    public ChatPolicy global() {
        return findByName(ChatPolicy.GLOBAL)
                .orElseThrow(() -> new IllegalStateException(
                        "the Global chat policy is missing: the store was not seeded (SchemaMigration)"));
    }

    @Override
    public List<ChatPolicy> all() {
        return em.createQuery("select p from ChatPolicy p order by p.name.key", ChatPolicy.class)
                .getResultList();
    }

    @Override
    public void remove(ChatPolicy policy) {
        em.remove(policy);
    }
}
