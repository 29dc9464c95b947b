package org.parley.sip.container;

import gov.nist.javax.sip.message.SIPRequest;

import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.URI;

/** A {@link SipServletRequest} over a JAIN-SIP request, whichever way it goes. */
abstract class ContainerRequest extends ContainerMessage implements SipServletRequest {

    private final Connection connection;

    ContainerRequest(Container container, SIPRequest request, Connection connection) {
        super(container, request);
        this.connection = connection;
    }

    SIPRequest jain() {
        return (SIPRequest) message();
    }

    /** The request line's method (the CSeq's is the same, but this is the one the request is). */
    @Override
    public String getMethod() {
        return jain().getMethod();
    }

    @Override
    public URI getRequestURI() {
        return JainUri.of(jain().getRequestURI());
    }

    @Override
    public abstract Session getSession();

    /** The flow the request came over or is to go over; null where there is none (one routed by its Request-URI). */
    @Override
    public Connection getConnection() {
        return connection;
    }
}
