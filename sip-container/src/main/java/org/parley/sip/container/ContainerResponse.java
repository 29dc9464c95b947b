package org.parley.sip.container;

import gov.nist.javax.sip.message.SIPResponse;

import org.parley.sip.servlet.SipServletResponse;

/**
 * A {@link SipServletResponse} over a JAIN-SIP response, whichever way it goes: it belongs to the session and the
 * connection of the request it answers.
 *
 * @param <R> the request it answers: one we received for a response we send, and the other way round
 */
abstract class ContainerResponse<R extends ContainerRequest> extends ContainerMessage implements SipServletResponse {

    private final R request;

    ContainerResponse(Container container, SIPResponse response, R request) {
        super(container, response);
        this.request = request;
    }

    SIPResponse jain() {
        return (SIPResponse) message();
    }

    R request() {
        return request;
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
    public R getRequest() {
        return request;
    }

    @Override
    public Session getSession() {
        return request.getSession();
    }

    @Override
    public Connection getConnection() {
        return request.getConnection();
    }
}
