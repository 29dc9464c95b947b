package org.parley.chat.application.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
import org.parley.chat.infrastructure.files.FileStore;
import org.parley.chat.infrastructure.persistence.jpa.ChatPersistence;

/**
 * Writes each event, when compliance is switched on ({@value #ENABLED}, off by default), to the chat store's
 * compliance outbox in the action's own transaction: the event is kept if and only if the action commits, and the
 * action pays one insert, not an XA transaction with the broker. {@link ComplianceRelay} moves the outbox to the
 * compliance queue in batches; it is woken when the action commits. Uploaded files are copied to the compliance file
 * store ({@link #recordUpload}).
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
    FileStore chatFiles;

    private final boolean enabled = ChatSetting.COMPLIANCE_ENABLED.enabled();

    /**
     * Copies the uploaded bytes into the compliance file store ({@value #FILE_STORE}) before the event is
     * sent, inside the upload's transaction: if the copy fails, the upload fails with it, so no upload is
     * ever recorded whose bytes compliance does not hold. The store is content-addressed like the chat's,
     * so the copy's name is known before it is made and a repeated upload is kept once; a copy whose
     * upload then rolls back stays, harmless, and names no event.
     */
    @Override
    public void recordUpload(Room room, String actorUri, Instant at, FileDescription file) {
        if (!enabled) {
            return;
        }
        FileStore.StoredFile copy;
        try (InputStream bytes = chatFiles.open(file.storageKey())) {
            copy = complianceFiles().store(bytes, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy an uploaded file into the compliance file store", e);
        }
        if (!copy.sha256().equals(file.sha256())) {
            throw new IllegalStateException("the chat file store's " + file.storageKey() + " does not hold the bytes"
                    + " uploaded (sha256 " + copy.sha256() + ", expected " + file.sha256() + ")");
        }
        Map<String, String> details = new HashMap<>(ComplianceRecorder.uploadDetails(file));
        details.put(COMPLIANCE_FILE, copy.storageKey());
        record(ComplianceEventType.FILEUPLOAD, room, actorUri, at, null, details);
    }

    private static FileStore complianceFiles() {
        return new FileStore(Path.of(ChatSetting.COMPLIANCE_FILE_STORE_DIR.required()));
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
                .setParameter(1, event.toJson()).executeUpdate();
        afterCommit.run(relay::wake);
    }
}
