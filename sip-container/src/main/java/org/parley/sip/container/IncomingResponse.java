package org.parley.sip.container;

import gov.nist.javax.sip.message.SIPResponse;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipServletResponse;

/** A response to one of our requests. Read-only. */
final class IncomingResponse extends ContainerMessage implements SipServletResponse {

    private final OutgoingRequest request;

    IncomingResponse(Container container, SIPResponse response, OutgoingRequest request) {
        super(container, response);
        this.request = request;
    }

    @Override
    public int getStatus() {
        return ((SIPResponse) message()).getStatusCode();
    }

    @Override
    public String getReasonPhrase() {
        return ((SIPResponse) message()).getReasonPhrase();
    }

    @Override
    public SipServletRequest getRequest() {
        return request;
    }

    @Override
    public void send() {
        throw new IllegalStateException("a received response cannot be sent");
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
        return true;
    }
}
