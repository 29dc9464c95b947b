package org.parley.chat.application.compliance;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

/**
 * Puts each event on the compliance queue (configure-messaging.cli) when compliance is switched on
 * ({@value #ENABLED}, off by default). The container's JMSContext on the XA connection factory
 * joins the caller's JTA transaction, so the message is sent if and only if the action commits.
 * Messages of one room share a JMS group, so the broker hands them to the compliance service in
 * order even with several consumers.
 */
@ApplicationScoped
public class JmsComplianceRecorder implements ComplianceRecorder {

    public static final String ENABLED = "parley.compliance.enabled";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/ParleyComplianceQueue")
    Queue queue;

    private final boolean enabled = Boolean.parseBoolean(System.getProperty(ENABLED, "false"));

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
