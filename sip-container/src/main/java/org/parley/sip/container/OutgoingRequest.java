package org.parley.sip.container;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import gov.nist.javax.sip.message.SIPRequest;

import org.parley.sip.servlet.SipServletResponse;

/** A request we send: in a dialog ({@link Session#createRequest}) or outside ({@link ContainerSipFactory}). */
final class OutgoingRequest extends ContainerRequest {

    private final Session session;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile boolean sent;

    /** @param session null outside a dialog; @param connection null when routed by the Request-URI */
    OutgoingRequest(Container container, SIPRequest request, Session session, Connection connection) {
        super(container, request, connection);
        this.session = session;
    }

    @Override
    public boolean isInitial() {
        return false;
    }

    @Override
    public SipServletResponse createResponse(int status) {
        throw new IllegalStateException("only received requests are answered");
    }

    @Override
    public SipServletResponse createResponse(int status, String reasonPhrase) {
        return createResponse(status);
    }

    @Override
    public CompletionStage<SipServletResponse> send() {
        if (!claimed.compareAndSet(false, true)) {
            throw new IllegalStateException("request already sent");
        }
        return container.outbound().send(this);
    }

    @Override
    public Session getSession() {
        return session;
    }

    /** After the interceptors: from now on the message is read-only. */
    void markSent() {
        sent = true;
    }

    @Override
    public boolean isCommitted() {
        return sent;
    }
}
