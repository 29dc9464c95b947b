package org.parley.chat.infrastructure.persistence.jpa;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.shared.Name;

@ApplicationScoped
public class JpaRoomRepository extends JpaRepository<Room> implements RoomRepository {

    private static final String LISTED_MEMBER =
            "exists (select r2.id from Room r2 join r2.members.principals p where r2 = r and p in :principals)";
    private static final String LISTED_MANAGER =
            "exists (select r2.id from Room r2 join r2.managers.principals p where r2 = r and p in :principals)";
    private static final String LISTED_PRESENTER =
            "exists (select r2.id from Room r2 join r2.presenters.principals p where r2 = r and p in :principals)";

    /** Room GUIDs to primary keys, learnt on first look-up: rooms are found and locked by primary key. */
    private final Map<UUID, Long> idsByGuid = new ConcurrentHashMap<>();

    public JpaRoomRepository() {
        super(Room.class);
    }

    public JpaRoomRepository(EntityManager em) {
        super(Room.class, em);
    }

    @Override
    public Optional<Room> find(RoomUri uri) {
        // By primary key once the GUID's is known: a join asks for its room four times in one transaction (its rule,
        // the managers, the invitations, the follow), and a query by GUID is a statement each time, after a flush;
        // by key, the persistence context answers all but the first. A room deleted, or imported again under a new
        // id, misses and is looked up anew (lockForPosting's reasoning).
        Long id = idsByGuid.get(uri.guid());
        if (id != null) {
            Room known = em.find(Room.class, id);
            if (known != null) {
                return Optional.of(known);
            }
            idsByGuid.remove(uri.guid(), id);
        }
        Optional<Room> room = byGuid(uri.guid());
        room.ifPresent(found -> idsByGuid.put(uri.guid(), found.id()));
        return room;
    }

    @Override
    public Optional<Room> findByName(String name) {
        return byName(name);
    }

    @Override
    public boolean nameInUse(String name, Room except) {
        return findByName(name).filter(found -> found != except).isPresent();
    }

    @Override
    public Optional<Room> lockForPosting(RoomUri uri) {
        // The hot path (every post, in a fresh group-commit transaction): by primary key, one SELECT ... FOR UPDATE
        // (FOR NO KEY UPDATE on PostgreSQL). A query by GUID would first flush the persistence context (Hibernate's
        // auto-flush dirty-checks every post the batch already wrote) and then need a second read to lock. A GUID
        // never names another room; a room deleted, or imported again under a new id, misses and is looked up anew.
        Long id = idsByGuid.get(uri.guid());
        if (id != null && !isManaged(id)) {
            Room locked = em.find(Room.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (locked != null) {
                return Optional.of(locked);
            }
            idsByGuid.remove(uri.guid(), id);
        }
        // Refresh rather than a locking query: if the room was already in this persistence context, a locking
        // find or query would hand back the managed instance with its old last_message_seq; refresh re-reads the
        // row under the lock, so the count is current.
        Optional<Room> room = find(uri);
        room.ifPresent(found -> {
            em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
            idsByGuid.put(uri.guid(), found.id());
        });
        return room;
    }

    private boolean isManaged(Long id) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(Room.class);
        return session.getPersistenceContextInternal().containsEntity(session.generateEntityKey(id, persister));
    }

    @Override
    public List<Room> searchable(
            Collection<Long> categoryIds, Set<Principal> principals, String nameFragment, int limit) {
        if (categoryIds.isEmpty()) {
            return List.of();
        }
        // Room#canSee in the query (the category's part is categoryIds), so that the limit cuts after the rule.
        return em.createQuery(
                        "select r from Room r where r.category.id in :categories"
                                + " and r.name.key like :pattern escape '\\'"
                                + " and (r.privacy <> :secret or " + LISTED_MEMBER + " or " + LISTED_MANAGER
                                + " or " + LISTED_PRESENTER + ")"
                                + " and (r.disabled = false or " + LISTED_MANAGER + ") order by r.name.key",
                        Room.class)
                .setParameter("categories", categoryIds)
                .setParameter("pattern", containsPattern(nameFragment))
                .setParameter("secret", Privacy.SECRET)
                .setParameter("principals", principals)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<Room> joinable(Collection<Long> categoryIds, Set<Principal> principals) {
        if (categoryIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select r from Room r where r.category.id in :categories and r.disabled = false"
                                + " and (r.privacy = :open or " + LISTED_MEMBER + " or " + LISTED_MANAGER
                                + " or " + LISTED_PRESENTER + ") order by r.name.key",
                        Room.class)
                .setParameter("categories", categoryIds)
                .setParameter("open", Privacy.OPEN)
                .setParameter("principals", principals)
                .getResultList();
    }

    @Override
    public List<Room> searchAll(String nameFragment, int limit) {
        return em.createQuery(
                        "select r from Room r where r.name.key like :pattern escape '\\' order by r.name.key",
                        Room.class)
                .setParameter("pattern", containsPattern(nameFragment))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<Room> listing(Set<Principal> principals, RoomRole role) {
        String condition =
                switch (role) {
                    case MEMBER -> LISTED_MEMBER + " or " + LISTED_MANAGER + " or " + LISTED_PRESENTER;
                    case MANAGER -> LISTED_MANAGER;
                    case PRESENTER -> LISTED_PRESENTER;
                };
        return em.createQuery("select r from Room r where " + condition + " order by r.name.key", Room.class)
                .setParameter("principals", principals)
                .getResultList();
    }

    @Override
    public List<RoomUri> allUris() {
        return em.createQuery("select r.domain, r.guid from Room r order by r.name.key", Object[].class)
                .getResultStream()
                .map(row -> new RoomUri((String) row[0], (java.util.UUID) row[1]))
                .toList();
    }

    @Override
    public List<Room> withRetention() {
        return em.createQuery(
                        "select r from Room r join r.category c where r.retentionDays > 0"
                                + " or (r.retentionDays is null and c.retentionDays > 0) order by r.name.key",
                        Room.class)
                .getResultList();
    }

    @Override
    public List<Room> inCategory(Category category) {
        return em.createQuery("select r from Room r where r.category = :category order by r.name.key", Room.class)
                .setParameter("category", category)
                .getResultList();
    }

    @Override
    public RoomRemoval remove(Room room) {
        // Bulk deletes, children first (the foreign keys); the role lists go with the room (element collections).
        // Bulk deletes pass by the persistence context: whatever it holds of the room's children (a follow or message
        // read earlier in the same persistence context) would still point at the removed room at the flush, so it is
        // written out first and then forgotten, and the room removed afresh.
        long id = room.id();
        em.flush();
        em.createQuery("delete from FileTransferToken t where t.room = :room")
                .setParameter("room", room)
                .executeUpdate();
        long files = em.createQuery("delete from FileRecord f where f.room = :room")
                .setParameter("room", room)
                .executeUpdate();
        long follows = em.createQuery("delete from Follow f where f.room = :room")
                .setParameter("room", room)
                .executeUpdate();
        long invitations = em.createQuery("delete from Invitation i where i.room = :room")
                .setParameter("room", room)
                .executeUpdate();
        em.createQuery("delete from HistoryChange c where c.room = :room")
                .setParameter("room", room)
                .executeUpdate();
        long messages = em.createQuery("delete from Message m where m.room = :room")
                .setParameter("room", room)
                .executeUpdate();
        idsByGuid.remove(room.uri().guid());
        em.clear();
        em.remove(em.find(Room.class, id));
        em.flush();
        return new RoomRemoval(messages, files, follows, invitations);
    }

    @Override
    public void store(Room room) {
        // The room is managed; flushing is what makes Hibernate increment its version.
        em.flush();
    }

    private static String containsPattern(String nameFragment) {
        String key = nameFragment == null ? "" : Name.keyOf(nameFragment);
        return "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
