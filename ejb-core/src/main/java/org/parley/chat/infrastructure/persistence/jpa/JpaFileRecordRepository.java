package org.parley.chat.infrastructure.persistence.jpa;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.parley.chat.domain.model.file.FileRecord;
import org.parley.chat.domain.model.file.FileRecordRepository;
import org.parley.chat.domain.model.room.Room;

@ApplicationScoped
public class JpaFileRecordRepository extends JpaRepository<FileRecord> implements FileRecordRepository {

    public JpaFileRecordRepository() {
        super(FileRecord.class);
    }

    public JpaFileRecordRepository(EntityManager em) {
        super(FileRecord.class, em);
    }

    @Override
    public Optional<FileRecord> find(long id) {
        return byId(id);
    }

    @Override
    public List<FileRecord> of(Room room) {
        return em.createQuery(
                        "select f from FileRecord f where f.room = :room order by f.uploadedAt desc, f.id desc",
                        FileRecord.class)
                .setParameter("room", room)
                .getResultList();
    }

    @Override
    public Optional<FileRecord> newestNamed(Room room, String fileName) {
        return em.createQuery(
                        "select f from FileRecord f where f.room = :room and f.fileName = :name"
                                + " order by f.uploadedAt desc, f.id desc",
                        FileRecord.class)
                .setParameter("room", room)
                .setParameter("name", fileName)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Set<String> referencedKeys(Collection<String> storageKeys) {
        if (storageKeys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "select distinct f.storageKey from FileRecord f where f.storageKey in :keys", String.class)
                .setParameter("keys", storageKeys)
                .getResultList());
    }

    @Override
    public int removeUploadedBefore(Room room, Instant before) {
        // Download tokens of these files go with them (ON DELETE CASCADE in the schema).
        return em.createQuery("delete from FileRecord f where f.room = :room and f.uploadedAt < :before")
                .setParameter("room", room)
                .setParameter("before", before)
                .executeUpdate();
    }

    @Override
    public void remove(FileRecord file) {
        em.remove(file);
    }
}
