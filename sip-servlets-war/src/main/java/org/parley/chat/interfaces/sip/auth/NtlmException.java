package org.parley.chat.interfaces.sip.auth;

/**
 * An NTLM or MS-SIPAE input that cannot be accepted: malformed, truncated, out of bounds, or failing
 * verification. The message is for the server log only; clients learn nothing beyond a 401/403.
 */
public class NtlmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NtlmException(String message) {
        super(message);
    }
}
