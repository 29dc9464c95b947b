package org.parley.chat.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.domain.model.user.ChatPolicyRepository;

@ApplicationScoped
public class JpaChatPolicyRepository implements ChatPolicyRepository {

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    public JpaChatPolicyRepository() {
    }

    public JpaChatPolicyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<ChatPolicy> findByName(String name) {
        return em.createQuery("select p from ChatPolicy p where p.nameKey = :key", ChatPolicy.class)
                .setParameter("key", ChatPolicy.keyOf(name))
                .getResultStream().findFirst();
    }

    @Override
    public ChatPolicy global() {
        return findByName(ChatPolicy.GLOBAL).orElseThrow(() -> new IllegalStateException(
                "the Global chat policy is missing: the store was not seeded (SchemaMigration)"));
    }

    @Override
    public List<ChatPolicy> all() {
        return em.createQuery("select p from ChatPolicy p order by p.nameKey", ChatPolicy.class).getResultList();
    }

    @Override
    public void remove(ChatPolicy policy) {
        em.remove(policy);
    }

    @Override
    public void add(ChatPolicy policy) {
        em.persist(policy);
    }
}
