package org.parley.chat.infrastructure.persistence.jpa;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.UserGroup;
import org.parley.chat.domain.model.user.UserGroupRepository;
import org.parley.chat.domain.shared.Texts;

@ApplicationScoped
public class JpaUserGroupRepository implements UserGroupRepository {

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    public JpaUserGroupRepository() {
    }

    public JpaUserGroupRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UserGroup> findByName(String name) {
        return em.createQuery("select g from UserGroup g where g.nameKey = :key", UserGroup.class)
                .setParameter("key", Texts.key(name))
                .getResultStream().findFirst();
    }

    @Override
    public Set<String> groupKeysOf(SipUri user) {
        return new HashSet<>(em.createQuery(
                        "select g.nameKey from UserGroup g join g.members m where m = :user", String.class)
                .setParameter("user", user)
                .getResultList());
    }

    @Override
    public List<UserGroup> all() {
        return em.createQuery("select g from UserGroup g order by g.nameKey", UserGroup.class).getResultList();
    }

    @Override
    public void add(UserGroup group) {
        em.persist(group);
    }

    @Override
    public void remove(UserGroup group) {
        em.remove(group);
    }
}
