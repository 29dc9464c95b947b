package org.parley.compliance.application;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceOutbox;
import org.parley.chat.application.events.AfterCommit;
import org.parley.chat.infrastructure.metrics.ParleyMeters;
import org.parley.compliance.infrastructure.ComplianceSchemaMigration;
import org.parley.compliance.infrastructure.JpaComplianceArchive;

/**
 * Reads the compliance queue into the compliance store. A message is a batch of events from the chat store's
 * outbox (a JSON array, {@link ComplianceOutbox#BATCH_FORMAT}), or one event (messages an older version left in the
 * queue). Taking the message and storing its events is one transaction, one statement to find the events already
 * stored (a batch relayed twice is stored once) and the inserts: if storing fails, the message goes back to the queue, and after the bounded
 * redeliveries of configure-messaging.cli a message that can never be stored (a poison message)
 * lands in the dead-letter queue, where an administrator sees it. Nothing is dropped here.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/ParleyComplianceQueue"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
        })
public class ComplianceEventReceiver implements MessageListener {

    /** Looked up once: {@code Json.createXxx} looks the provider up through the ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(ComplianceEventReceiver.class.getName());

    @EJB
    ComplianceSchemaMigration schema;

    @EJB
    JpaComplianceArchive archive;

    @Inject
    AfterCommit afterCommit;

    @Inject
    ParleyMeters meters;

    @Override
    public void onMessage(Message message) {
        schema.ready();
        List<ComplianceEvent> events;
        try {
            if (!(message instanceof TextMessage text)) {
                throw new IllegalArgumentException(
                        "not a text message: " + message.getClass().getSimpleName());
            }
            events = ComplianceOutbox.BATCH_FORMAT.equals(message.getStringProperty(ComplianceOutbox.FORMAT_PROPERTY))
                    ? batch(text.getText())
                    : List.of(ComplianceEvent.fromJson(text.getText()));
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> "unreadable compliance message " + id(message) + " (it will end in ParleyComplianceDLQ): "
                    + e.getMessage());
            throw new IllegalStateException("unreadable compliance message", e);
        }
        archive.storeAll(events);
        afterCommit.run(() -> meters.complianceStored(events.size()));
    }

    /** Every element must be an event: one that is not makes the whole message unreadable (the DLQ keeps it). */
    private static List<ComplianceEvent> batch(String text) {
        JsonArray array;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            array = reader.readArray();
        } catch (JsonException e) {
            throw new IllegalArgumentException("not a JSON array of events: " + e.getMessage(), e);
        }
        List<ComplianceEvent> events = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (!(element instanceof JsonObject event)) {
                throw new IllegalArgumentException("not an event: " + element.getValueType());
            }
            events.add(ComplianceEvent.fromJson(event));
        }
        return events;
    }

    private static String id(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
