package org.parley.chat.application.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.infrastructure.files.FileStore;

/**
 * Puts each event on the compliance queue (configure-messaging.cli) when compliance is switched on
 * ({@value #ENABLED}, off by default). The container's JMSContext on the XA connection factory
 * joins the caller's JTA transaction, so the message is sent if and only if the action commits.
 * Messages of one room share a JMS group, so the broker hands them to the compliance service in
 * order even with several consumers. Uploaded files are copied to the compliance file store
 * ({@link #recordUpload}).
 */
@ApplicationScoped
public class JmsComplianceRecorder implements ComplianceRecorder {

    public static final String ENABLED = "parley.compliance.enabled";
    public static final String FILE_STORE = "parley.compliance.filestore.dir";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/ParleyComplianceQueue")
    Queue queue;

    @Inject
    FileStore chatFiles;

    private final boolean enabled = Boolean.parseBoolean(System.getProperty(ENABLED, "false"));

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
        String directory = System.getProperty(FILE_STORE);
        if (directory == null || directory.isBlank()) {
            throw new IllegalStateException(FILE_STORE + " is not set (configure-system-properties.cli)");
        }
        return new FileStore(Path.of(directory));
    }

    @Override
    public void record(ComplianceEvent event) {
        if (!enabled) {
            return;
        }
        TextMessage message = jms.createTextMessage(event.toJson());
        try {
            message.setStringProperty("JMSXGroupID", event.roomUri() == null ? event.actor() : event.roomUri());
            message.setStringProperty("eventType", event.type().name());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot label a compliance message", e);
        }
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, message);
    }
}
