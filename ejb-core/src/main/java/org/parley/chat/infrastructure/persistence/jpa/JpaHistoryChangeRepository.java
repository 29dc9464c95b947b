package org.parley.chat.infrastructure.persistence.jpa;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.parley.chat.domain.model.message.HistoryChange;
import org.parley.chat.domain.model.message.HistoryChangeRepository;
import org.parley.chat.domain.model.room.Room;

@ApplicationScoped
public class JpaHistoryChangeRepository extends JpaRepository<HistoryChange> implements HistoryChangeRepository {

    public JpaHistoryChangeRepository() {
        super(HistoryChange.class);
    }

    public JpaHistoryChangeRepository(EntityManager em) {
        super(HistoryChange.class, em);
    }

    @Override
    public List<HistoryChange> of(Room room) {
        return em.createQuery(
                        "select c from HistoryChange c where c.room = :room order by c.changedAt, c.id",
                        HistoryChange.class)
                .setParameter("room", room)
                .getResultList();
    }
}
