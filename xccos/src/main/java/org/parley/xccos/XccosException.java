package org.parley.xccos;

/**
 * A body that is not acceptable XCCOS: not well-formed, hostile (a DTD, too deep, too large), or
 * missing what a command needs. The message is safe to show to the sender and to log.
 */
public class XccosException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public XccosException(String message) {
        super(message);
    }

    public XccosException(String message, Throwable cause) {
        super(message, cause);
    }
}
