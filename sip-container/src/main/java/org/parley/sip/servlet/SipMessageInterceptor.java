package org.parley.sip.servlet;

/**
 * Sees every message the connector receives and sends, e.g. to verify and add message signatures
 * (MS-SIPAE {@code Authentication-Info}). Interceptors nest like filters: the first one registered
 * sees incoming messages first and outgoing messages last, after the layer has set every header
 * (tags, CSeq, Contact, Content-Length ...) so a signature computed there covers the final message.
 * Both methods run on whatever thread handles the message (the container executor, a sending thread,
 * or a JAIN-SIP thread for the layer's own early answers such as 503), so they must not block.
 */
public interface SipMessageInterceptor {

    /**
     * A request or response has arrived and passed the layer's own checks, before any servlet or
     * response callback sees it, and before an in-dialog request counts for its dialog (CSeq, flow).
     * {@link SipServletMessage#getSession()} is set for in-dialog messages (and for a CANCEL, the
     * INVITE's); {@link SipServletMessage#getRemoteAddr()} says where the message really came from.
     *
     * @throws SipMessageRejectedException to refuse it: a request is answered with the exception's
     *         status (an ACK is dropped), a response completes its request's stage exceptionally
     */
    default void incoming(SipServletMessage message) throws SipMessageRejectedException {}

    /** A request or response is about to be sent; headers may still be changed. */
    default void outgoing(SipServletMessage message) {}
}
