package org.parley.sip.servlet;

import java.util.concurrent.CompletionStage;

/** A SIP request, received or to be sent (JSR 289 {@code SipServletRequest}). */
public interface SipServletRequest extends SipServletMessage {

    URI getRequestURI();

    /** True for a received request outside any dialog (no To tag): the one that may create a dialog. */
    boolean isInitial();

    /**
     * A response to this received request with the layer's To tag and, for 2xx answers, what
     * RFC 3261 wants of them (Contact, Record-Route). Send it with {@link SipServletResponse#send()}.
     */
    SipServletResponse createResponse(int status);

    SipServletResponse createResponse(int status, String reasonPhrase);

    /**
     * Sends a request created by {@link SipSession#createRequest(String)} or {@link SipFactory}.
     * The stage completes with the final response, whatever its status, or exceptionally with a
     * {@link SipRequestFailedException} when no response came (timeout, transport error). Callbacks run
     * on the container's executor, in order with the dialog's other work, except a 2xx's to a request sent
     * in a dialog over TCP or TLS when none of ours waits behind it: that one completes on the transport's
     * thread that read it, beside the dialog's work (it ends nothing and sends nothing next), so a callback
     * must not block and must not count on the dialog's order.
     *
     * @throws IllegalStateException for a received request, or when sent twice
     */
    CompletionStage<SipServletResponse> send();
}
