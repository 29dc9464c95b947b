package org.parley.sip.servlet;

import java.io.IOException;

/** A SIP response, received or to be sent (JSR 289 {@code SipServletResponse}). */
public interface SipServletResponse extends SipServletMessage {

    int getStatus();

    String getReasonPhrase();

    SipServletRequest getRequest();

    /**
     * Sends a response made by {@link SipServletRequest#createResponse(int)}.
     *
     * @throws IllegalStateException when the request already has its final response
     * @throws IOException when the transport could not take it
     */
    void send() throws IOException;
}
