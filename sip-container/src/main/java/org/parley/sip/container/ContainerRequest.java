package org.parley.sip.container;

import gov.nist.javax.sip.message.SIPRequest;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.URI;

/** A {@link SipServletRequest} over a JAIN-SIP request, whichever way it goes. */
abstract class ContainerRequest extends ContainerMessage implements SipServletRequest {

    ContainerRequest(Container container, SIPRequest request) {
        super(container, request);
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

    @Override
    public abstract Connection getConnection();
}
