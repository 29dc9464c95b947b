package org.parley.chat.infrastructure.persistence.jpa;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.parley.chat.domain.model.file.FileTransfer;
import org.parley.chat.domain.model.file.FileTransferToken;
import org.parley.chat.domain.model.file.FileTransferTokenRepository;

@ApplicationScoped
public class JpaFileTransferTokenRepository extends JpaRepository<FileTransferToken>
        implements FileTransferTokenRepository {

    public JpaFileTransferTokenRepository() {
        super(FileTransferToken.class);
    }

    public JpaFileTransferTokenRepository(EntityManager em) {
        super(FileTransferToken.class, em);
    }

    @Override
    public Optional<FileTransferToken> find(String token) {
        return byId(token);
    }

    /**
     * One DELETE with every condition in its WHERE: the database's row lock makes a second, concurrent
     * DELETE of the same row wait and then find nothing, so its count is 0.
     */
    @Override
    public boolean consume(String token, FileTransfer direction, Instant now) {
        return em.createQuery("delete from FileTransferToken t where t.token = :token and t.direction = :direction"
                                + " and t.expiresAt > :now")
                        .setParameter("token", token)
                        .setParameter("direction", direction)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from FileTransferToken t where t.expiresAt <= :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}
