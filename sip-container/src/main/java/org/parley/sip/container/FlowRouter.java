package org.parley.sip.container;

import java.util.ListIterator;

import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

import gov.nist.javax.sip.message.MessageExt;
import gov.nist.javax.sip.stack.DefaultRouter;

/**
 * Sends in-dialog requests back through the connection the peer last used, whatever its Contact
 * says: Lync and SIPE do not listen, their Contact is not reachable. The request carries the hop as
 * its application data ({@link Connection#hop()}); JAIN-SIP then finds its cached connection to that
 * address and port. Everything else is routed by JAIN-SIP's default rules (Route, Request-URI).
 * Named in {@code javax.sip.ROUTER_PATH}; the stack creates it.
 */
public final class FlowRouter implements Router {

    private final DefaultRouter fallback;

    public FlowRouter(SipStack stack, String outboundProxy) {
        fallback = new DefaultRouter(stack, outboundProxy);
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        if (request instanceof MessageExt message && message.getApplicationData() instanceof Hop hop) {
            return hop;
        }
        return fallback.getNextHop(request);
    }

    @Override
    public Hop getOutboundProxy() {
        return fallback.getOutboundProxy();
    }

    @Override
    @SuppressWarnings("deprecation")
    public ListIterator<?> getNextHops(Request request) {
        return fallback.getNextHops(request);
    }
}
