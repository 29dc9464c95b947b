package org.parley.chat.infrastructure.persistence.jpa;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.UserGroup;
import org.parley.chat.domain.model.user.UserGroupRepository;

@ApplicationScoped
public class JpaUserGroupRepository extends JpaRepository<UserGroup> implements UserGroupRepository {

    public JpaUserGroupRepository() {
        super(UserGroup.class);
    }

    public JpaUserGroupRepository(EntityManager em) {
        super(UserGroup.class, em);
    }

    @Override
    public Optional<UserGroup> findByName(String name) {
        return byName(name);
    }

    @Override
    public Set<String> groupKeysOf(SipUri user) {
        return new HashSet<>(
                em.createQuery("select g.name.key from UserGroup g join g.members m where m = :user", String.class)
                        .setParameter("user", user)
                        .getResultList());
    }

    @Override
    public List<UserGroup> all() {
        return em.createQuery("select g from UserGroup g order by g.name.key", UserGroup.class)
                .getResultList();
    }

    @Override
    public void remove(UserGroup group) {
        em.remove(group);
    }
}
