package org.parley.sip.container;

import java.io.IOException;
import java.text.ParseException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;

import org.parley.sip.container.log.RateLimitedLog;
import org.parley.sip.servlet.SipMessageRejectedException;

/**
 * JAIN-SIP's listener. Runs on the stack's threads and never blocks them: it makes the server
 * transaction, answers what needs no servlet (413, 400, CANCEL, 503 under overload) and queues the
 * rest on the request's Call-ID queue.
 */
final class Intake implements SipListener {

    private static final Logger LOG = Logger.getLogger(Intake.class.getName());
    /** What a peer makes happen per message is logged once per peer and cause a minute. */
    private static final RateLimitedLog PEER_LOG = new RateLimitedLog(LOG);

    private final Container container;
    private final SIPTransactionStack stack;

    Intake(Container container, SIPTransactionStack stack) {
        this.container = container;
        this.stack = stack;
    }

    @Override
    public void processRequest(RequestEvent event) {
        SIPRequest request = (SIPRequest) event.getRequest();
        try {
            receive(request, event.getServerTransaction());
        } catch (RuntimeException | Error e) {
            LOG.log(
                    Level.SEVERE,
                    "failed to take " + request.getMethod() + " "
                            + request.getCallId().getCallId(),
                    e);
        }
    }

    private void receive(SIPRequest request, ServerTransaction existing) {
        Connection connection = container.connections().of(request);
        String method = request.getMethod();
        String callId = request.getCallId().getCallId();
        String fault = StrictMessageParser.fault(request);
        if (fault != null) {
            // Never executed: which dialog or body it belongs to is ambiguous. (An ACK gets no answer.)
            if (!"ACK".equals(method)) {
                refuse(request, connection, 400, fault);
            } else {
                PEER_LOG.log(
                        Level.INFO,
                        connection.getRemoteAddress(),
                        "malformed ACK",
                        () -> "malformed ACK from " + connection.getId() + " dropped: " + fault);
            }
            return;
        }
        if ("ACK".equals(method)) {
            container
                    .queues()
                    .submitExempt(
                            callId,
                            new RequestTask(container, new IncomingRequest(container, request, null, connection)));
            return;
        }
        int length = request.getRawContent() == null ? 0 : request.getRawContent().length;
        if (length > container.config().getMaxContentLength()) {
            refuse(request, connection, 413, method + " with a " + length + "-byte body");
            return;
        }
        ServerTransaction transaction = existing;
        if (transaction == null) {
            try {
                transaction = container.provider().getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException retransmission) {
                return;
            } catch (TransactionUnavailableException e) {
                if (e.getCause() instanceof ParseException bad) {
                    refuse(request, connection, 400, bad.getMessage());
                } else {
                    refuse(request, connection, 500, "no transaction: " + e.getMessage());
                }
                return;
            }
        }
        IncomingRequest incoming = new IncomingRequest(container, request, transaction, connection);
        transaction.setApplicationData(incoming);
        if ("CANCEL".equals(method)) {
            cancel(incoming);
        } else if (!container.queues().submit(callId, new RequestTask(container, incoming))) {
            RequestTask.overloaded(container, incoming);
        }
    }

    /** RFC 3261 §9.2: 200 to the CANCEL, and 487 to the INVITE unless it has its final response already. */
    private void cancel(IncomingRequest cancel) {
        SIPServerTransaction inviteTransaction =
                ((SIPServerTransaction) cancel.transaction()).getCanceledInviteTransaction();
        if (inviteTransaction == null) {
            inviteTransaction = (SIPServerTransaction) stack.findCancelTransaction(cancel.jain(), true);
        }
        try {
            if (inviteTransaction == null
                    || !(inviteTransaction.getApplicationData() instanceof IncomingRequest invite)) {
                cancel.createResponse(481).send();
                return;
            }
            cancel.setSession(invite.getSession());
            try {
                container.interceptors().incoming(cancel);
            } catch (SipMessageRejectedException e) {
                PEER_LOG.log(
                        Level.INFO,
                        cancel.getConnection().getRemoteAddress(),
                        "CANCEL refused",
                        () -> "CANCEL from " + cancel.getConnection().getId() + " refused by interceptor: "
                                + e.getStatus() + " " + e.getMessage());
                cancel.createResponse(e.getStatus()).send();
                return;
            }
            cancel.createResponse(200).send();
            if (invite.cancel()) {
                container.responder().sendClaimed((OutgoingResponse) invite.createResponse(487));
                if (invite.getSession() != null) {
                    container.queues().submitExempt(cancel.getCallId(), new RequestTask(container, cancel));
                }
            }
        } catch (IOException e) {
            LOG.info(() -> "cannot answer CANCEL from " + cancel.getConnection().getId() + ": " + e.getMessage());
        }
    }

    /** A final answer without servlet, logged at INFO, once per peer and status a minute: the client's mistakes. */
    private void refuse(SIPRequest request, Connection connection, int status, String reason) {
        PEER_LOG.log(
                Level.INFO,
                connection.getRemoteAddress(),
                String.valueOf(status),
                () -> status + " to " + request.getMethod() + " from " + connection.getId() + ": " + reason);
        try {
            new IncomingRequest(container, request, null, connection)
                    .createResponse(status)
                    .send();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "cannot send " + status + " to " + connection.getId(), e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        // ResponseCheckValve has run the interceptors and dropped what they refused.
        container.outbound().responded(event.getClientTransaction(), (SIPResponse) event.getResponse());
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction()) {
            container.outbound().timedOut(event.getClientTransaction());
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.fine(() ->
                "transport error towards " + event.getTransport() + ":" + event.getHost() + ":" + event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Transactions carry nothing the layer must clean up.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // The layer keeps its own dialogs (automatic dialog support is off).
    }
}
