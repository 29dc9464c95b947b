package org.parley.sip.servlet;

/**
 * Hears when dialogs begin and end, e.g. to drop a chat member whose client vanished. Called on the
 * container's executor, in order with the dialog's requests.
 */
public interface SipSessionListener {

    /** A dialog-creating request reached a servlet; the session is INITIAL. */
    default void sessionCreated(SipSession session) {}

    /** The session is TERMINATED and forgotten by the layer. Called once per session. */
    default void sessionDestroyed(SipSession session, SipSessionEndReason reason) {}
}
