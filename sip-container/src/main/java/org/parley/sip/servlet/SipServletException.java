package org.parley.sip.servlet;

/** A servlet failure; the layer answers the request with 500 when it had no final response yet. */
public class SipServletException extends Exception {

    public SipServletException(String message) {
        super(message);
    }

    public SipServletException(String message, Throwable cause) {
        super(message, cause);
    }
}
