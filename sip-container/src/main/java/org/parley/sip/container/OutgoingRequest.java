package org.parley.sip.container;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import gov.nist.javax.sip.message.SIPRequest;

import org.parley.sip.servlet.SipServletResponse;

/** A request we send: in a dialog ({@link Session#createRequest}) or outside ({@link ContainerSipFactory}). */
final class OutgoingRequest extends ContainerRequest {

    private final Session session;
    /** In a dialog: the head it was made with ({@link DialogHead}); else null. */
    private final DialogHead.Made made;

    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile boolean sent;

    /** @param session null outside a dialog; @param connection null when routed by the Request-URI */
    OutgoingRequest(Container container, SIPRequest request, Session session, Connection connection) {
        this(container, request, session, connection, null);
    }

    OutgoingRequest(
            Container container, SIPRequest request, Session session, Connection connection, DialogHead.Made made) {
        super(container, request, connection);
        this.session = session;
        this.made = made;
    }

    /**
     * The bytes to send, the dialog's unchanging lines taken from its {@link DialogHead}; null when there is no head
     * for it (outside a dialog) or it no longer describes the request: JAIN-SIP encodes it then.
     */
    byte[] wire() {
        return made == null ? null : made.wire(jain());
    }

    DialogHead.Made made() {
        return made;
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
