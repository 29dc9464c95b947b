package org.parley.chat.infrastructure.persistence.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.parley.chat.domain.model.message.HistoryFilter;
import org.parley.chat.domain.model.message.Message;
import org.parley.chat.domain.model.message.MessageRepository;
import org.parley.chat.domain.model.room.Room;

@ApplicationScoped
public class JpaMessageRepository extends JpaRepository<Message> implements MessageRepository {

    public JpaMessageRepository() {
        super(Message.class);
    }

    public JpaMessageRepository(EntityManager em) {
        super(Message.class, em);
    }

    @Override
    public Optional<Message> find(Room room, long seq) {
        return unique(
                "select m from Message m where m.room = :room and m.seq = :seq", Map.of("room", room, "seq", seq));
    }

    @Override
    public List<Message> last(Room room, int count) {
        return oldestFirst(
                em.createQuery("select m from Message m where m.room = :room order by m.seq desc", Message.class)
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
        return em.createQuery(
                        "select m from Message m where m.room = :room and m.seq > :seq order by m.seq", Message.class)
                .setParameter("room", room)
                .setParameter("seq", seq)
                .setMaxResults(count)
                .getResultList();
    }

    @Override
    public List<Message> after(Room room, long seq, Instant from, Instant to, int count) {
        // Bounds left out of the query rather than bound as null: a typed null parameter is not portable.
        String query = "select m from Message m where m.room = :room and m.seq > :seq"
                + (from == null ? "" : " and m.serverTime >= :from")
                + (to == null ? "" : " and m.serverTime < :to")
                + " order by m.seq";
        TypedQuery<Message> messages = em.createQuery(query, Message.class)
                .setParameter("room", room)
                .setParameter("seq", seq)
                .setMaxResults(count);
        if (from != null) {
            messages.setParameter("from", from);
        }
        if (to != null) {
            messages.setParameter("to", to);
        }
        return messages.getResultList();
    }

    @Override
    public List<Message> search(Collection<Room> rooms, String text, int limit) {
        if (rooms.isEmpty()) {
            return List.of();
        }
        // A portable substring match; PostgreSQL's GIN text index (V1_1) serves a later word search.
        String pattern = likePattern(text);
        return em.createQuery(
                        "select m from Message m where m.room in :rooms and lower(m.text) like :pattern escape '\\'"
                                + " order by m.serverTime desc, m.id desc",
                        Message.class)
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

    @Override
    public long countBefore(Room room, Instant before) {
        return em.createQuery(
                        "select count(m) from Message m where m.room = :room and m.serverTime < :before", Long.class)
                .setParameter("room", room)
                .setParameter("before", before)
                .getSingleResult();
    }

    @Override
    public int removeBefore(Room room, Instant before, int limit) {
        // A bounded batch: the ids first (JPQL's DELETE has no limit), then those rows.
        List<Long> ids = em.createQuery(
                        "select m.id from Message m where m.room = :room and m.serverTime < :before"
                                + " order by m.seq",
                        Long.class)
                .setParameter("room", room)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from Message m where m.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    @Override
    public Map<Room, Long> countMatching(HistoryFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, null, parameters);
        var query = em.createQuery(
                "select m.room, count(m) from Message m where " + where + " group by m.room", Object[].class);
        parameters.forEach(query::setParameter);
        Map<Room, Long> counts = new LinkedHashMap<>();
        for (Object[] row : query.getResultList()) {
            counts.put((Room) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Override
    public List<Message> matchingStartingWith(Room room, HistoryFilter filter, String prefix) {
        Map<String, Object> parameters = new HashMap<>();
        var query = em.createQuery(
                "select m from Message m where " + where(filter, room, parameters)
                        + " and m.text like :prefix escape '\\' order by m.seq",
                Message.class);
        parameters.forEach(query::setParameter);
        query.setParameter("prefix", escapeLike(prefix) + "%");
        return query.getResultList();
    }

    @Override
    public long removeMatching(Room room, HistoryFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        var query = em.createQuery("delete from Message m where " + where(filter, room, parameters));
        parameters.forEach(query::setParameter);
        return query.executeUpdate();
    }

    @Override
    public long replaceMatching(Room room, HistoryFilter filter, String newText) {
        Map<String, Object> parameters = new HashMap<>();
        var query = em.createQuery("update Message m set m.text = :newText where " + where(filter, room, parameters));
        parameters.forEach(query::setParameter);
        query.setParameter("newText", newText);
        return query.executeUpdate();
    }

    /** The filter as a JPQL condition on {@code m}, its values bound as parameters (never spliced into the query). */
    private static String where(HistoryFilter filter, Room room, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (room != null) {
            conditions.add("m.room = :room");
            parameters.put("room", room);
        } else if (!filter.rooms().isEmpty()) {
            conditions.add("m.room in :rooms");
            parameters.put("rooms", filter.rooms());
        }
        if (filter.author() != null) {
            conditions.add("m.author = :author");
            parameters.put("author", filter.author());
        }
        if (filter.from() != null) {
            conditions.add("m.serverTime >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("m.serverTime < :to");
            parameters.put("to", filter.to());
        }
        if (filter.textContains() != null) {
            conditions.add("lower(m.text) like :pattern escape '\\'");
            parameters.put("pattern", likePattern(filter.textContains()));
        }
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    private static String likePattern(String text) {
        return "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Newest-first pages are the cheap query (index on room, seq read backwards); clients want oldest first. */
    private static List<Message> oldestFirst(List<Message> newestFirst) {
        List<Message> messages = new ArrayList<>(newestFirst);
        Collections.reverse(messages);
        return messages;
    }
}
