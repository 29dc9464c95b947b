package org.parley.chat.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.parley.chat.domain.model.file.FileRecord;
import org.parley.chat.domain.model.file.FileRecordRepository;
import org.parley.chat.domain.model.room.Room;

@ApplicationScoped
public class JpaFileRecordRepository implements FileRecordRepository {

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    public JpaFileRecordRepository() {
    }

    public JpaFileRecordRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<FileRecord> find(long id) {
        return Optional.ofNullable(em.find(FileRecord.class, id));
    }

    @Override
    public List<FileRecord> of(Room room) {
        return em.createQuery("select f from FileRecord f where f.room = :room order by f.uploadedAt desc, f.id desc",
                        FileRecord.class)
                .setParameter("room", room)
                .getResultList();
    }

    @Override
    public void add(FileRecord file) {
        em.persist(file);
    }
}
