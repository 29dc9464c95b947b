package org.parley.sip.connector;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Tags;

import org.parley.chat.infrastructure.metrics.ParleyMeters;
import org.parley.sip.container.OutboundQueues;
import org.parley.sip.container.SipConnector;

/**
 * The SIP connector's own figures as meters, read from the connector when Prometheus scrapes: connections,
 * dialogs, requests queued, the 503s of overload, and what our requests wait on (the outbound queues a slow
 * client fills before it is dropped). The connector keeps the counts; nothing here runs per message.
 */
@Singleton
@Startup
@DependsOn("SipConnectorService")
public class SipConnectorMeters {

    /** The outbound queues are one pass over the dialogs: done once per scrape, not once per gauge. */
    private static final long SNAPSHOT_NANOS = 1_000_000_000L;

    @Inject
    SipConnectorService service;

    @Inject
    ParleyMeters meters;

    private OutboundQueues snapshot = new OutboundQueues(0, 0, 0);
    private long snapshotAt;
    private boolean snapshotTaken;

    @PostConstruct
    void register() {
        SipConnector connector = service.connector();
        meters.gauge(
                "parley.sip.connections",
                "Open TCP and TLS connections that carried a request",
                Tags.empty(),
                connector::getConnectionCount);
        meters.gauge(
                "parley.sip.dialogs", "Live SIP dialogs (chat and lookup)", Tags.empty(), connector::getSessionCount);
        meters.gauge(
                "parley.sip.requests.queued",
                "SIP requests received and not yet handled (503 beyond the bound)",
                Tags.empty(),
                connector::getQueuedRequestCount);
        meters.functionCounter(
                "parley.sip.overload.responses",
                "503 answers Parley sent, by where",
                Tags.of("where", "queue"),
                connector,
                SipConnector::getOverloadResponseCount);
        meters.gauge(
                "parley.sip.outbound.waiting",
                "Our requests waiting in the dialogs' outbound queues",
                Tags.empty(),
                () -> outboundQueues(connector).waiting());
        meters.gauge(
                "parley.sip.outbound.deepest",
                "Our requests waiting in the fullest dialog's outbound queue",
                Tags.empty(),
                () -> outboundQueues(connector).deepest());
        meters.gauge(
                "parley.sip.outbound.unanswered",
                "Our requests sent and awaiting their final response",
                Tags.empty(),
                () -> outboundQueues(connector).unanswered());
    }

    private synchronized OutboundQueues outboundQueues(SipConnector connector) {
        long now = System.nanoTime();
        if (!snapshotTaken || now - snapshotAt > SNAPSHOT_NANOS) {
            snapshot = connector.getOutboundQueues();
            snapshotAt = now;
            snapshotTaken = true;
        }
        return snapshot;
    }
}
