package org.parley.compliance.application;

import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.compliance.infrastructure.ComplianceSchemaMigration;
import org.parley.compliance.infrastructure.JpaComplianceArchive;

/**
 * Reads the compliance queue into the compliance store. Taking the message and storing the event is
 * one transaction: if storing fails, the message goes back to the queue, and after the bounded
 * redeliveries of configure-messaging.cli a message that can never be stored (a poison message)
 * lands in the dead-letter queue, where an administrator sees it. Nothing is dropped here.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/ParleyComplianceQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class ComplianceEventReceiver implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ComplianceEventReceiver.class.getName());

    @EJB
    ComplianceSchemaMigration schema;

    @EJB
    JpaComplianceArchive archive;

    @Override
    public void onMessage(Message message) {
        schema.ready();
        ComplianceEvent event;
        try {
            if (!(message instanceof TextMessage text)) {
                throw new IllegalArgumentException("not a text message: " + message.getClass().getSimpleName());
            }
            event = ComplianceEvent.fromJson(text.getText());
        } catch (JMSException | IllegalArgumentException e) {
            LOG.warning(() -> "unreadable compliance message " + id(message) + " (it will end in ParleyComplianceDLQ): "
                    + e.getMessage());
            throw new IllegalStateException("unreadable compliance message", e);
        }
        archive.store(event);
    }

    private static String id(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
