package org.parley.sip.servlet;

/** Completes a sent request's stage when no response can come. */
public class SipRequestFailedException extends Exception {

    public enum Kind {
        /** No final response within the transaction timeout (64*T1). */
        TIMEOUT,
        /** The request could not be sent, e.g. the client's connection is gone. */
        TRANSPORT,
        /** A {@link SipMessageInterceptor} refused the response. */
        REJECTED
    }

    private final Kind kind;

    public SipRequestFailedException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind getKind() {
        return kind;
    }
}
