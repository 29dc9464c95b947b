package org.parley.sip.container;

import gov.nist.javax.sip.message.SIPResponse;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipServletResponse;

import java.io.IOException;

/** A response to a received request, on its way out. */
final class OutgoingResponse extends ContainerMessage implements SipServletResponse {

    private final IncomingRequest request;
    private volatile boolean sent;

    OutgoingResponse(Container container, SIPResponse response, IncomingRequest request) {
        super(container, response);
        this.request = request;
    }

    SIPResponse jain() {
        return (SIPResponse) message();
    }

    IncomingRequest request() {
        return request;
    }

    void markSent() {
        sent = true;
    }

    @Override
    public int getStatus() {
        return jain().getStatusCode();
    }

    @Override
    public String getReasonPhrase() {
        return jain().getReasonPhrase();
    }

    @Override
    public SipServletRequest getRequest() {
        return request;
    }

    @Override
    public void send() throws IOException {
        container.responder().send(this);
    }

    @Override
    public Session getSession() {
        return request.getSession();
    }

    @Override
    public Connection getConnection() {
        return request.getConnection();
    }

    @Override
    public boolean isCommitted() {
        return sent;
    }
}
