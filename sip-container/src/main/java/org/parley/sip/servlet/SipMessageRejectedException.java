package org.parley.sip.servlet;

/** Thrown by a {@link SipMessageInterceptor} to refuse an incoming message. */
public class SipMessageRejectedException extends Exception {

    private final int status;

    /** @param status the final response to send for a refused request, e.g. 401 or 403 */
    public SipMessageRejectedException(int status, String reason) {
        super(reason);
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("not a failure status: " + status);
        }
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
