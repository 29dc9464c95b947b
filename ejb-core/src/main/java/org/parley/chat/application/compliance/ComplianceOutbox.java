package org.parley.chat.application.compliance;

import java.util.List;
import java.util.StringJoiner;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.ExcludeDefaultInterceptors;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.parley.chat.infrastructure.persistence.jpa.ChatPersistence;

/**
 * The chat store's compliance outbox, read by the relay: each batch is one transaction that locks the relay row,
 * takes the oldest events, sends them as ONE persistent JMS message (a JSON array of events, {@link #BATCH_FORMAT})
 * to the compliance queue and deletes them. The JMS context joins the transaction (XA), so the events leave the
 * outbox if and only if the message is on the queue.
 */
@ExcludeDefaultInterceptors
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ComplianceOutbox {

    /** Events per message: one XA transaction per 500 events instead of one per event. */
    static final int BATCH_SIZE = 500;
    /** The message property that marks a batch (a JSON array) rather than one event. */
    public static final String BATCH_FORMAT = "parley-compliance-batch-1";

    public static final String FORMAT_PROPERTY = "format";
    /** One message group: the compliance service takes batches one after another, in outbox order. */
    public static final String GROUP = "parley-compliance-outbox";

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/ParleyComplianceQueue")
    Queue queue;

    /** @return how many events were relayed (0: the outbox is empty) */
    @SuppressWarnings("unchecked")
    public int relayBatch() {
        em.createNativeQuery("SELECT id FROM compliance_outbox_relay WHERE id = 1 FOR UPDATE")
                .getResultList();
        List<Object[]> rows = em.createNativeQuery("SELECT id, event FROM compliance_outbox ORDER BY id")
                .setMaxResults(BATCH_SIZE)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        StringJoiner events = new StringJoiner(",", "[", "]");
        for (Object[] row : rows) {
            events.add((String) row[1]);
        }
        TextMessage message = jms.createTextMessage(events.toString());
        try {
            message.setStringProperty(FORMAT_PROPERTY, BATCH_FORMAT);
            message.setStringProperty("JMSXGroupID", GROUP);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot label a compliance batch", e);
        }
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, message);
        // By id, not "up to the last id": an event whose transaction took a lower id and commits later is not here
        // yet, and the next batch takes it.
        int deleted = em.createNativeQuery("DELETE FROM compliance_outbox WHERE id IN (:ids)")
                .setParameter(
                        "ids",
                        rows.stream().map(row -> ((Number) row[0]).longValue()).toList())
                .executeUpdate();
        if (deleted != rows.size()) {
            throw new IllegalStateException(
                    "compliance outbox changed under the relay: " + deleted + " of " + rows.size() + " events deleted");
        }
        return rows.size();
    }

    /** Events written and not yet relayed (the admin's status). */
    public long backlog() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM compliance_outbox")
                        .getSingleResult())
                .longValue();
    }
}
