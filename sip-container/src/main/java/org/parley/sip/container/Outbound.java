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
        Connection flow = request.getConnection();
        if (flow != null && !container.connections().isOpen(flow)) {
            // Known closed: failing here costs nothing; sending would make the stack try to reconnect.
            later(pending, () -> fail(pending, Kind.TRANSPORT, "connection " + flow.getId() + " closed", null));
            return pending.result();
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
        return pending.result();
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
    }

    private void fail(Pending pending, Kind kind, String message, Throwable cause) {
        Session session = pending.request().getSession();
        if (session != null && kind != Kind.REJECTED) {
            container.sessions().end(session, kind == Kind.TIMEOUT
                    ? SipSessionEndReason.TIMEOUT : SipSessionEndReason.TRANSPORT_ERROR);
        }
        pending.result().completeExceptionally(new SipRequestFailedException(kind, message, cause));
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
