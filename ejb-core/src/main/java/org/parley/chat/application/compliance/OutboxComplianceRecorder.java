package org.parley.chat.application.compliance;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import org.parley.chat.application.ChatSetting;
import org.parley.chat.application.events.AfterCommit;
import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.infrastructure.persistence.jpa.ChatPersistence;

/**
 * Writes each event, when compliance is switched on ({@value #ENABLED}, off by default), to the chat store's
 * compliance outbox in the action's own transaction: the event is kept if and only if the action commits, and the
 * action pays one insert, not an XA transaction with the broker. {@link ComplianceRelay} moves the outbox to the
 * compliance queue in batches; it is woken when the action commits. Uploaded files are copied to the compliance file
 * store by {@link ComplianceFileCopy} ({@link #recordUpload}).
 */
@ApplicationScoped
public class OutboxComplianceRecorder implements ComplianceRecorder {

    public static final String ENABLED = ChatSetting.COMPLIANCE_ENABLED.property();
    public static final String FILE_STORE = ChatSetting.COMPLIANCE_FILE_STORE_DIR.property();

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    @Inject
    ComplianceRelay relay;

    @Inject
    AfterCommit afterCommit;

    @Inject
    ComplianceFileCopy fileCopy;

    private final boolean enabled = ChatSetting.COMPLIANCE_ENABLED.enabled();

    /**
     * Copies the uploaded bytes into the compliance file store ({@value #FILE_STORE}, {@link ComplianceFileCopy})
     * before the event is sent, inside the upload's transaction: if the copy fails, the upload fails with it, so no
     * upload is ever recorded whose bytes compliance does not hold. A copy whose upload then rolls back stays,
     * harmless, and names no event.
     */
    @Override
    public void recordUpload(Room room, String actorUri, Instant at, FileDescription file) {
        if (!enabled) {
            return;
        }
        Map<String, String> details = new HashMap<>(ComplianceRecorder.uploadDetails(file));
        details.put(COMPLIANCE_FILE, fileCopy.copy(file));
        record(ComplianceEventType.FILEUPLOAD, room, actorUri, at, null, details);
    }

    @Override
    public void record(ComplianceEvent event) {
        if (!enabled) {
            return;
        }
        // FlushMode COMMIT: a native statement otherwise makes Hibernate flush the whole persistence context first
        // (it cannot know which tables the SQL reads), and in a group commit that dirty-checks every post the
        // batch already wrote, once per post. The outbox row depends on none of them.
        em.createNativeQuery("INSERT INTO compliance_outbox (event) VALUES (?1)")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, event.toJson())
                .executeUpdate();
        afterCommit.run(relay::wake);
    }
}
