package org.parley.chat.infrastructure.health;

import java.util.Enumeration;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Topic;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.parley.health.ParleyChecks;

/**
 * Readiness probe ({@link ParleyChecks#MESSAGING}): the broker answers and Parley's destinations exist. The queues
 * are browsed (a round trip to the broker each); the topics are looked up, which fails once they are removed
 * (configure-messaging.cli made them). Posts travel the post road topic, compliance events the compliance queue.
 */
@ApplicationScoped
public class MessagingCheck implements HealthCheck {

    /**
     * A plain connection factory, not the injected JMSContext: probes run on the management interface's threads,
     * outside any component, where the injected context cannot find its transaction registry.
     */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connections;

    @Resource(lookup = "java:/jms/queue/ParleyComplianceQueue")
    Queue complianceQueue;

    @Resource(lookup = "java:/jms/queue/ParleyComplianceDLQ")
    Queue deadLetterQueue;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(ParleyChecks.MESSAGING);
        boolean up = true;
        for (Queue queue : new Queue[] {complianceQueue, deadLetterQueue}) {
            String state = browse(queue);
            up &= "present".equals(state);
            response.withData(name(queue), state);
        }
        for (String topic : new String[] {"java:/jms/topic/ParleyPostRoad", "java:/jms/topic/ParleyRoomEvents"}) {
            String state = lookUp(topic);
            up &= "present".equals(state);
            response.withData(topic.substring(topic.lastIndexOf('/') + 1), state);
        }
        return response.status(up).build();
    }

    private String browse(Queue queue) {
        try (JMSContext jms = connections.createContext();
                QueueBrowser browser = jms.createBrowser(queue)) {
            Enumeration<?> messages = browser.getEnumeration();
            messages.hasMoreElements();
            return "present";
        } catch (JMSRuntimeException | JMSException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    private static String lookUp(String jndiName) {
        try {
            Object found = new InitialContext().lookup(jndiName);
            return found instanceof Topic ? "present" : "not a topic";
        } catch (NamingException e) {
            return "missing: " + e.getMessage();
        }
    }

    private static String name(Queue queue) {
        try {
            return queue.getQueueName();
        } catch (JMSException e) {
            return queue.toString();
        }
    }
}
