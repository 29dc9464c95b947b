package org.parley.sip.container;

import java.net.InetAddress;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.parley.sip.servlet.SipMessageRejectedException;

/**
 * The responses to our requests sent without a transaction ({@link Outbound}), read without JAIN-SIP's parser or
 * its stack (#12): each goes through the checks {@link ResponseCheckValve} makes of the others, in the same order
 * and on the same selector thread. A malformed one ({@link ResponseHead#fault}) is left to JAIN-SIP, whose parse
 * marks it and whose valve drops it as before; one an interceptor refuses is dropped; the others complete their
 * request. A response to a transaction, or to nothing, goes JAIN-SIP's way.
 */
final class LeanResponses implements NioSipStack.Responses {

    private static final Logger LOG = Logger.getLogger(LeanResponses.class.getName());

    private final Container container;

    LeanResponses(Container container) {
        this.container = container;
    }

    @Override
    public ResponseHead wanted(byte[] message, int length) {
        ResponseHead head = ResponseHead.read(message, length);
        if (head == null || head.fault() != null) {
            return null;
        }
        return container.outbound().unansweredRequest(head.topViaBranch()) == null ? null : head;
    }

    @Override
    public boolean take(ResponseHead head, InetAddress from, int port) {
        OutgoingRequest request = container.outbound().unansweredRequest(head.topViaBranch());
        if (request == null) {
            return false; // timed out since: JAIN-SIP takes it for a stray, as it would have
        }
        IncomingResponse incoming = IncomingResponse.lean(container, head, from, port, request);
        try {
            container.interceptors().incoming(incoming);
            container.outbound().respondedWithoutTransaction(head.topViaBranch(), incoming);
        } catch (SipMessageRejectedException e) {
            ResponseCheckValve.refused(incoming, e);
        } catch (RuntimeException e) {
            // An interceptor failed: the response is lost, as JAIN-SIP loses one whose valve throws, but the
            // connection, whose selector thread this is, is not.
            LOG.log(Level.WARNING, "response to " + incoming.getMethod() + " dropped: an interceptor failed", e);
        }
        return true;
    }
}
