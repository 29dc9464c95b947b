package org.parley.compliance.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;

import org.parley.compliance.application.ComplianceStatus.DeadLetter;
import org.parley.compliance.application.ComplianceStatus.DeadLetters;
import org.parley.compliance.application.DeadLetterQueue;

/** The dead-letter queue of the compliance queue (configure-messaging.cli), browsed with a JMS QueueBrowser. */
@ApplicationScoped
public class JmsDeadLetterQueue implements DeadLetterQueue {

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/ParleyComplianceDLQ")
    Queue queue;

    @Override
    public DeadLetters browse() {
        int count = 0;
        List<DeadLetter> sample = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(queue)) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && count < COUNT_LIMIT) {
                Message message = (Message) messages.nextElement();
                count++;
                if (sample.size() < SAMPLE) {
                    sample.add(deadLetter(message));
                }
            }
            return new DeadLetters(count, messages.hasMoreElements(), COUNT_LIMIT, sample);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse the compliance dead-letter queue", e);
        }
    }

    private static DeadLetter deadLetter(Message message) throws JMSException {
        String body = message instanceof TextMessage text ? text.getText() : null;
        if (body != null && body.length() > BODY_LIMIT) {
            body = body.substring(0, BODY_LIMIT);
        }
        Integer deliveries =
                message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : null;
        return new DeadLetter(
                message.getJMSMessageID(),
                Instant.ofEpochMilli(message.getJMSTimestamp()),
                message.getStringProperty("eventType"),
                deliveries,
                body);
    }
}
