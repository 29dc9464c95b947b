package org.parley.chat.infrastructure.persistence.jpa;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.parley.chat.domain.model.user.CallerRecord;
import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.domain.model.user.ChatUser;
import org.parley.chat.domain.model.user.ChatUserRepository;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.Name;

@ApplicationScoped
public class JpaChatUserRepository extends JpaRepository<ChatUser> implements ChatUserRepository {

    public JpaChatUserRepository() {
        super(ChatUser.class);
    }

    public JpaChatUserRepository(EntityManager em) {
        super(ChatUser.class, em);
    }

    @Override
    public Optional<ChatUser> find(SipUri uri) {
        return unique("select u from ChatUser u where u.uri = :uri", Map.of("uri", uri));
    }

    @Override
    public CallerRecord callerRecord(SipUri uri) {
        // One statement where there were three (the Global policy, the user, their groups): every caller new to a
        // node asks it, so a thousand users signing in made three thousand. One row per group of the user's, or
        // one with no group; none only if the store was never seeded.
        List<Object[]> rows = em.createQuery(
                        "select p, u, g.name.key from ChatPolicy p"
                                + " left join ChatUser u on u.uri = :uri"
                                // Not "member of" (an EXISTS asked of every group): the user's groups, once.
                                + " left join UserGroup g on g.id in"
                                + " (select mg.id from UserGroup mg join mg.members m where m = :uri)"
                                + " where p.name.key = :global",
                        Object[].class)
                .setParameter("uri", uri)
                .setParameter("global", Name.keyOf(ChatPolicy.GLOBAL))
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException(
                    "the Global chat policy is missing: the store was not seeded (SchemaMigration)");
        }
        Set<String> groupKeys = new HashSet<>();
        for (Object[] row : rows) {
            if (row[2] != null) {
                groupKeys.add((String) row[2]);
            }
        }
        return new CallerRecord(Optional.ofNullable((ChatUser) rows.get(0)[1]), (ChatPolicy) rows.get(0)[0], groupKeys);
    }

    @Override
    public List<ChatUser> administrators() {
        return em.createQuery("select u from ChatUser u where u.administrator = true order by u.uri", ChatUser.class)
                .getResultList();
    }

    @Override
    public List<ChatUser> all() {
        return em.createQuery("select u from ChatUser u order by u.uri", ChatUser.class)
                .getResultList();
    }

    @Override
    public List<ChatUser> withPolicy(ChatPolicy policy) {
        return em.createQuery("select u from ChatUser u where u.policy = :policy order by u.uri", ChatUser.class)
                .setParameter("policy", policy)
                .getResultList();
    }
}
