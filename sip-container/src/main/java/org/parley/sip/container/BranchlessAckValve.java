package org.parley.sip.container;

import java.text.ParseException;
import java.util.logging.Logger;

import javax.sip.SipStack;
import javax.sip.message.Response;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;

/**
 * Gives a branch to an ACK whose Via has none (SIPE sends every in-dialog request so). JAIN-SIP
 * 1.3.0-91 looks such an ACK up by branch in a ConcurrentHashMap when it knows no dialog for it (our
 * case: automatic dialog support is off), gets a NullPointerException and closes the client's TCP
 * connection. Other branch-less requests it matches the RFC 2543 way and needs no help. The branch is
 * derived from the request, so a retransmitted ACK gets the same one. Named in
 * {@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}; the stack creates it.
 */
public final class BranchlessAckValve implements SIPMessageValve {

    private static final Logger LOG = Logger.getLogger(BranchlessAckValve.class.getName());

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        Via via = request.getTopmostVia();
        if (via != null && via.getBranch() == null && "ACK".equals(request.getMethod())) {
            String key = request.getCallId().getCallId()
                    + '|'
                    + request.getFromTag()
                    + '|'
                    + request.getToTag()
                    + '|'
                    + request.getCSeq().getSeqNumber()
                    + '|'
                    + via.getSentBy().encode();
            try {
                via.setBranch("z9hG4bK-2543-" + Integer.toHexString(key.hashCode()));
            } catch (ParseException e) {
                LOG.fine(() -> "cannot give the ACK a branch: " + e.getMessage());
            }
        }
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack stack) {
        // Stateless.
    }

    @Override
    public void destroy() {
        // Stateless.
    }
}
