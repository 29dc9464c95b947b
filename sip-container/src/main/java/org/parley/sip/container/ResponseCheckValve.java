package org.parley.sip.container;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.SipStack;
import javax.sip.message.Response;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;

import org.parley.sip.container.log.RateLimitedLog;
import org.parley.sip.servlet.SipMessageRejectedException;

/**
 * Runs the interceptors on a response before JAIN-SIP's client transaction sees it, so that a
 * refused one (say, a 200 forged from another address) is dropped as if never received: the
 * transaction stays open for the real response, or times out. Later the transaction would take the
 * forged response as final and swallow the real one as a retransmission. Malformed responses
 * ({@link StrictMessageParser}) are dropped here too. Named in
 * {@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}; the stack creates it, {@link SipConnector} attaches
 * the container once it exists (until then responses pass: we have sent nothing).
 */
public final class ResponseCheckValve implements SIPMessageValve {

    private static final Logger LOG = Logger.getLogger(ResponseCheckValve.class.getName());
    /** Forged or malformed responses are logged once per source and cause a minute. */
    private static final RateLimitedLog PEER_LOG = new RateLimitedLog(LOG);

    private volatile SIPTransactionStack stack;
    private volatile Container container;

    void attach(Container container) {
        this.container = container;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        SIPResponse received = (SIPResponse) response;
        String fault = StrictMessageParser.fault(received);
        if (fault != null) {
            PEER_LOG.log(
                    Level.INFO,
                    host(received),
                    "malformed response",
                    () -> "malformed " + received.getStatusCode() + " from " + source(received) + " dropped: " + fault);
            return false;
        }
        Container current = container;
        SIPTransactionStack transactions = stack;
        if (current == null || transactions == null) {
            return true;
        }
        SIPTransaction transaction = transactions.findTransaction(received, false);
        OutgoingRequest request;
        if (transaction == null) {
            // Perhaps one of ours sent without a transaction (Outbound): the stack would take it as stray.
            request = current.outbound().unansweredRequest(received);
        } else {
            request = transaction.getApplicationData() instanceof Outbound.Pending pending ? pending.request() : null;
        }
        if (request == null) {
            return true;
        }
        IncomingResponse incoming = new IncomingResponse(current, received, request);
        try {
            current.interceptors().incoming(incoming);
            if (transaction == null) {
                current.outbound().respondedWithoutTransaction(received);
                return false; // taken: nothing of the stack's is waiting for it
            }
            return true;
        } catch (SipMessageRejectedException e) {
            refused(incoming, e);
            return false;
        }
    }

    /** A response an interceptor refused is dropped: logged once per source a minute, here and on the lean path. */
    static void refused(IncomingResponse response, SipMessageRejectedException e) {
        PEER_LOG.log(
                Level.INFO,
                String.valueOf(response.getRemoteAddr()),
                "response refused",
                () -> response.getStatus() + " to " + response.getMethod() + " from " + response.getRemoteAddr() + ":"
                        + response.getRemotePort() + " dropped by interceptor: " + e.getMessage());
    }

    private static String host(SIPResponse response) {
        return response.getPeerPacketSourceAddress() == null
                ? "?"
                : response.getPeerPacketSourceAddress().getHostAddress();
    }

    private static String source(SIPResponse response) {
        return response.getPeerPacketSourceAddress() == null
                ? "?"
                : response.getPeerPacketSourceAddress().getHostAddress() + ":" + response.getPeerPacketSourcePort();
    }

    @Override
    public void init(SipStack stack) {
        this.stack = (SIPTransactionStack) stack;
    }

    @Override
    public void destroy() {
        container = null;
    }
}
