package org.parley.chat.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.domain.model.user.ChatUser;
import org.parley.chat.domain.model.user.ChatUserRepository;
import org.parley.chat.domain.model.user.SipUri;

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
