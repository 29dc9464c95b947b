package org.parley.chat.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.follow.Follow;
import org.parley.chat.domain.model.follow.FollowRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.SipUri;

@ApplicationScoped
public class JpaFollowRepository extends JpaRepository<Follow> implements FollowRepository {

    public JpaFollowRepository() {
        super(Follow.class);
    }

    public JpaFollowRepository(EntityManager em) {
        super(Follow.class, em);
    }

    @Override
    public Optional<Follow> find(SipUri user, Room room) {
        return unique(
                "select f from Follow f where f.user = :user and f.room = :room", Map.of("user", user, "room", room));
    }

    @Override
    public List<SipUri> followers(Room room) {
        return em.createQuery("select f.user from Follow f where f.room = :room", SipUri.class)
                .setParameter("room", room)
                .getResultList();
    }

    @Override
    public List<Follow> ofRoom(Room room) {
        return em.createQuery("select f from Follow f where f.room = :room", Follow.class)
                .setParameter("room", room)
                .getResultList();
    }

    @Override
    public List<Follow> inCategory(Category category) {
        return em.createQuery(
                        "select f from Follow f join fetch f.room where f.room.category = :category", Follow.class)
                .setParameter("category", category)
                .getResultList();
    }

    @Override
    public List<Follow> of(SipUri user) {
        return em.createQuery(
                        "select f from Follow f join fetch f.room where f.user = :user order by f.room.name.key",
                        Follow.class)
                .setParameter("user", user)
                .getResultList();
    }

    @Override
    public void remove(Follow follow) {
        em.remove(follow);
    }
}
