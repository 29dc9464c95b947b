package org.parley.sip.container;

import java.text.ParseException;
import java.util.concurrent.CompletionStage;

import javax.sip.ServerTransaction;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;

import org.parley.sip.servlet.SipServletResponse;

/** A request the connector received; the servlet answers it through {@link #createResponse}. */
final class IncomingRequest extends ContainerRequest {

    private final ServerTransaction transaction;
    private volatile Session session;
    private String responseTag;
    private boolean answered;
    private boolean cancelled;

    /** @param transaction null for ACK and for requests answered statelessly */
    IncomingRequest(Container container, SIPRequest request, ServerTransaction transaction, Connection connection) {
        super(container, request, connection);
        this.transaction = transaction;
    }

    ServerTransaction transaction() {
        return transaction;
    }

    void setSession(Session session) {
        this.session = session;
    }

    @Override
    public boolean isInitial() {
        return jain().getToTag() == null;
    }

    @Override
    public SipServletResponse createResponse(int status) {
        return createResponse(status, null);
    }

    @Override
    public SipServletResponse createResponse(int status, String reasonPhrase) {
        if ("ACK".equals(getMethod())) {
            throw new IllegalStateException("ACK is not answered");
        }
        SIPResponse response =
                reasonPhrase == null ? jain().createResponse(status) : jain().createResponse(status, reasonPhrase);
        if (status > 100 && response.getToTag() == null) {
            try {
                response.getTo().setTag(localTag());
            } catch (ParseException e) {
                throw new IllegalStateException("generated tag rejected", e);
            }
        }
        return new OutgoingResponse(container, response, this);
    }

    /** RFC 3261 §8.2.6.2: every response to this request carries the same To tag. */
    private synchronized String localTag() {
        Session current = session;
        if (current != null) {
            return current.localTag();
        }
        if (responseTag == null) {
            responseTag = Jain.newTag();
        }
        return responseTag;
    }

    @Override
    public CompletionStage<SipServletResponse> send() {
        throw new IllegalStateException("a received request is answered, not sent");
    }

    @Override
    public Session getSession() {
        return session;
    }

    @Override
    public synchronized boolean isCommitted() {
        return answered;
    }

    /** Claims the right to send a response of this class; false once a final response went (or the INVITE was cancelled). */
    synchronized boolean claim(boolean finalResponse) {
        if (answered) {
            return false;
        }
        answered = finalResponse;
        return true;
    }

    /** For CANCEL: true when no final response went yet, and none will but the 487 the caller now sends. */
    synchronized boolean cancel() {
        if (answered) {
            return false;
        }
        answered = true;
        cancelled = true;
        return true;
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }
}
