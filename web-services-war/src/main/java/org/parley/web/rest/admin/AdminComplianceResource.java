package org.parley.web.rest.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.parley.chat.application.compliance.ComplianceOutbox;
import org.parley.chat.domain.shared.ChatException;
import org.parley.compliance.application.ComplianceDispatcher;
import org.parley.compliance.application.ComplianceSettings;
import org.parley.compliance.infrastructure.JpaComplianceArchive;
import org.parley.web.rest.admin.ComplianceStatusJson.DeadLetter;
import org.parley.web.rest.admin.ComplianceStatusJson.DeadLetters;

/**
 * The compliance service as an operator watches it: is the backlog draining, is an adapter failing, has
 * anything been lost to the dead-letter queue (a dead-lettered event is in no archive, which compliance
 * officers must hear about).
 */
@Path("admin/compliance")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminComplianceResource {

    /** Browsing is a scan of the queue; beyond this many the count is a lower bound, which is alarm enough. */
    static final int DEAD_LETTER_COUNT_LIMIT = 10_000;
    static final int DEAD_LETTER_SAMPLE = 5;
    static final int BODY_LIMIT = 2_000;

    @EJB
    ComplianceDispatcher dispatcher;

    @EJB
    JpaComplianceArchive archive;

    @Inject
    JMSContext jms;

    @EJB
    ComplianceOutbox outbox;

    @Resource(lookup = "java:/jms/queue/ParleyComplianceDLQ")
    Queue deadLetterQueue;

    private final ComplianceSettings settings = ComplianceSettings.fromSystemProperties();

    @GET
    public ComplianceStatusJson status() {
        JpaComplianceArchive.Backlog backlog = archive.backlog();
        return new ComplianceStatusJson(settings.enabled(), settings.adapters(), outbox.backlog(), backlog.events(),
                backlog.oldestReceivedAt(),
                archive.adapters().stream().map(ComplianceStatusJson.Adapter::of).toList(), deadLetters());
    }

    /** Refused while compliance is off: a run would hand adapters whatever an earlier, enabled, life stored. */
    @POST
    @Path("run")
    public ComplianceRunJson run() {
        if (!settings.enabled()) {
            throw ChatException.conflict("compliance is off (PARLEY_COMPLIANCE_ENABLED)");
        }
        return ComplianceRunJson.of(dispatcher.runNow());
    }

    private DeadLetters deadLetters() {
        int count = 0;
        List<DeadLetter> sample = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(deadLetterQueue)) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && count < DEAD_LETTER_COUNT_LIMIT) {
                Message message = (Message) messages.nextElement();
                count++;
                if (sample.size() < DEAD_LETTER_SAMPLE) {
                    sample.add(deadLetter(message));
                }
            }
            return new DeadLetters(count, messages.hasMoreElements(), DEAD_LETTER_COUNT_LIMIT, sample);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse the compliance dead-letter queue", e);
        }
    }

    private static DeadLetter deadLetter(Message message) throws JMSException {
        String body = message instanceof TextMessage text ? text.getText() : null;
        if (body != null && body.length() > BODY_LIMIT) {
            body = body.substring(0, BODY_LIMIT);
        }
        Integer deliveries = message.propertyExists("JMSXDeliveryCount")
                ? message.getIntProperty("JMSXDeliveryCount") : null;
        return new DeadLetter(message.getJMSMessageID(), Instant.ofEpochMilli(message.getJMSTimestamp()),
                message.getStringProperty("eventType"), deliveries, body);
    }
}
