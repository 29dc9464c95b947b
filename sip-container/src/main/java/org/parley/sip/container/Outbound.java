package org.parley.sip.container;

import gov.nist.javax.sip.message.SIPResponse;
import org.parley.sip.container.log.RateLimitedLog;
import org.parley.sip.servlet.SipRequestFailedException;
import org.parley.sip.servlet.SipRequestFailedException.Kind;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.servlet.SipSessionEndReason;

import javax.sip.ClientTransaction;
import javax.sip.SipException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends our requests and completes their stages on the dialog's queue. A 481, 487 or 408 answer, a
 * timeout or a transport failure ends the request's session: the peer has lost the dialog (SIPE answers
 * 487 on a dialog it dropped) or is gone.
 *
 * <p>In a dialog, at most {@link SipConnectorConfig#getMaxOutboundInFlight} requests of ours are unanswered at
 * once; the others wait in the dialog's own queue, in order, and each answer lets the next one go (from the dialog's
 * queue thread, not the sender's). A peer that lets more than {@link SipConnectorConfig#getMaxOutboundQueue} pile
 * up is too slow to keep: it gets a BYE (best effort) and its dialog ends ({@link
 * SipSessionEndReason#OUTBOUND_OVERFLOW}), so a slow or dead client costs the others nothing, not even memory.
 * Kamailio does the same per TCP connection (its async write queue, {@code tcp_conn_wq_max}, closes a connection
 * over the bound); Netty's channel write buffer water marks are the same idea one layer down.
 */
final class Outbound {

    private static final Logger LOG = Logger.getLogger(Outbound.class.getName());
    private static final RateLimitedLog PEER_LOG = new RateLimitedLog(LOG);

    private final Container container;

    Outbound(Container container) {
        this.container = container;
    }

    CompletionStage<SipServletResponse> send(OutgoingRequest request) {
        Pending pending = new Pending(request, new CompletableFuture<>());
        Session session = request.getSession();
        // A BYE does not wait behind the dialog's queue: it ends the dialog.
        if (session != null && !"BYE".equals(request.getMethod())) {
            switch (session.admitOutbound(pending, container.config().getMaxOutboundInFlight(),
                    container.config().getMaxOutboundQueue())) {
                case QUEUED:
                    return pending.result();
                case OVERFLOW:
                    overflow(session, pending);
                    return pending.result();
                case SEND:
                default:
                    break;
            }
        }
        transmit(pending);
        return pending.result();
    }

    private void overflow(Session session, Pending pending) {
        PEER_LOG.log(Level.INFO, String.valueOf(session.getRemoteParty()), "too slow",
                () -> "dialog " + session.getId() + " ended: more than " + container.config().getMaxOutboundQueue()
                        + " requests waiting to be sent to a peer that does not answer them");
        try {
            OutgoingRequest bye = (OutgoingRequest) session.createRequest("BYE");
            transmit(new Pending(bye, new CompletableFuture<>()));
        } catch (RuntimeException alreadyEnded) {
            // Nothing to say goodbye on.
        }
        container.sessions().end(session, SipSessionEndReason.OUTBOUND_OVERFLOW);
        later(pending, () -> pending.result().completeExceptionally(new SipRequestFailedException(Kind.TRANSPORT,
                "peer too slow: dialog ended", null)));
    }

    /** The dialog ended: the requests still waiting in its queue fail without being sent. */
    void sessionEnded(Session session) {
        for (Pending dropped : session.dropOutbound()) {
            dropped.result().completeExceptionally(new SipRequestFailedException(Kind.TRANSPORT,
                    "dialog ended before the request was sent", null));
        }
    }

    /** An answer (or failure) frees a place in the dialog: the next waiting request goes. */
    private void done(Pending pending) {
        Session session = pending.request().getSession();
        if (session == null || "BYE".equals(pending.request().getMethod())) {
            return;
        }
        if (!session.isValid()) {
            sessionEnded(session);
            return;
        }
        Pending next = session.outboundDone();
        if (next != null) {
            transmit(next);
        }
    }

    private void transmit(Pending pending) {
        OutgoingRequest request = pending.request();
        Connection flow = request.getConnection();
        if (flow != null && !container.connections().isOpen(flow)) {
            // Known closed: failing here costs nothing; sending would make the stack try to reconnect.
            later(pending, () -> fail(pending, Kind.TRANSPORT, "connection " + flow.getId() + " closed", null));
            return;
        }
        container.interceptors().outgoing(request);
        request.markSent();
        try {
            ClientTransaction transaction = container.provider().getNewClientTransaction(request.jain());
            transaction.setApplicationData(pending);
            transaction.sendRequest();
        } catch (SipException | RuntimeException e) {
            PEER_LOG.log(Level.INFO, flow == null ? String.valueOf(request.getRequestURI()) : flow.getRemoteAddress(),
                    "cannot send", () -> "cannot send " + request.getMethod() + " " + request.getRequestURI() + ": " + e);
            later(pending, () -> fail(pending, Kind.TRANSPORT, "cannot send: " + e.getMessage(), e));
        }
    }

    /** From the stack: a response to one of our client transactions. */
    void responded(ClientTransaction transaction, SIPResponse response) {
        if (transaction == null || !(transaction.getApplicationData() instanceof Pending pending)
                || response.getStatusCode() < 200) {
            return;
        }
        later(pending, () -> complete(pending, new IncomingResponse(container, response, pending.request())));
    }

    /** From the stack: no response in time, or the transport failed (JAIN-SIP reports both as a timeout). */
    void timedOut(ClientTransaction transaction) {
        if (transaction.getApplicationData() instanceof Pending pending) {
            later(pending, () -> fail(pending, Kind.TIMEOUT, "no response to " + pending.request().getMethod(), null));
        }
    }

    /** The interceptors passed it already (ResponseCheckValve), before the transaction took it. */
    private void complete(Pending pending, IncomingResponse response) {
        Session session = pending.request().getSession();
        if (session != null) {
            int status = response.getStatus();
            if (status == 481 || status == 487 || status == 408) {
                container.sessions().end(session, SipSessionEndReason.PEER_LOST_DIALOG);
            } else if ("BYE".equals(response.getMethod())) {
                container.sessions().end(session, SipSessionEndReason.BYE_SENT);
            }
        }
        pending.result().complete(response);
        done(pending);
    }

    private void fail(Pending pending, Kind kind, String message, Throwable cause) {
        Session session = pending.request().getSession();
        if (session != null && kind != Kind.REJECTED) {
            container.sessions().end(session, kind == Kind.TIMEOUT
                    ? SipSessionEndReason.TIMEOUT : SipSessionEndReason.TRANSPORT_ERROR);
        }
        pending.result().completeExceptionally(new SipRequestFailedException(kind, message, cause));
        done(pending);
    }

    private void later(Pending pending, Runnable work) {
        container.queues().submitExempt(pending.request().getCallId(), new SerialQueues.Task() {
            @Override
            public void run() {
                work.run();
            }

            @Override
            public void reject() {
                pending.result().completeExceptionally(new SipRequestFailedException(Kind.TRANSPORT,
                        "connector stopping", null));
            }
        });
    }

    record Pending(OutgoingRequest request, CompletableFuture<SipServletResponse> result) {
    }
}
