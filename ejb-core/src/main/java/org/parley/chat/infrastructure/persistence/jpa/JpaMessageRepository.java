package org.parley.chat.infrastructure.persistence.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.parley.chat.domain.model.message.Message;
import org.parley.chat.domain.model.message.MessageRepository;
import org.parley.chat.domain.model.room.Room;

@ApplicationScoped
public class JpaMessageRepository implements MessageRepository {

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    public JpaMessageRepository() {
    }

    public JpaMessageRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Message message) {
        em.persist(message);
    }

    @Override
    public Optional<Message> find(Room room, long seq) {
        return em.createQuery("select m from Message m where m.room = :room and m.seq = :seq", Message.class)
                .setParameter("room", room)
                .setParameter("seq", seq)
                .getResultStream().findFirst();
    }

    @Override
    public List<Message> last(Room room, int count) {
        return oldestFirst(em.createQuery("select m from Message m where m.room = :room order by m.seq desc",
                        Message.class)
                .setParameter("room", room)
                .setMaxResults(count)
                .getResultList());
    }

    @Override
    public List<Message> before(Room room, long seq, int count) {
        return oldestFirst(em.createQuery(
                        "select m from Message m where m.room = :room and m.seq < :seq order by m.seq desc",
                        Message.class)
                .setParameter("room", room)
                .setParameter("seq", seq)
                .setMaxResults(count)
                .getResultList());
    }

    @Override
    public List<Message> after(Room room, long seq, int count) {
        return em.createQuery("select m from Message m where m.room = :room and m.seq > :seq order by m.seq",
                        Message.class)
                .setParameter("room", room)
                .setParameter("seq", seq)
                .setMaxResults(count)
                .getResultList();
    }

    @Override
    public List<Message> search(Collection<Room> rooms, String text, int limit) {
        if (rooms.isEmpty()) {
            return List.of();
        }
        // A portable substring match; PostgreSQL's GIN text index (V1_1) serves a later word search.
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return em.createQuery("select m from Message m where m.room in :rooms and lower(m.text) like :pattern escape '\\'"
                        + " order by m.serverTime desc, m.id desc", Message.class)
                .setParameter("rooms", rooms)
                .setParameter("pattern", pattern)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void remove(Message message) {
        em.remove(message);
    }

    @Override
    public long removeBefore(Room room, Instant before) {
        return em.createQuery("delete from Message m where m.room = :room and m.serverTime < :before")
                .setParameter("room", room)
                .setParameter("before", before)
                .executeUpdate();
    }

    /** Newest-first pages are the cheap query (index on room, seq read backwards); clients want oldest first. */
    private static List<Message> oldestFirst(List<Message> newestFirst) {
        List<Message> messages = new ArrayList<>(newestFirst);
        Collections.reverse(messages);
        return messages;
    }
}
