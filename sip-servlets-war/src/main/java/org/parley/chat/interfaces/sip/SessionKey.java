package org.parley.chat.interfaces.sip;

import org.parley.sip.servlet.SipSession;

/**
 * A chat session's attribute with its type, named, read and written here only: the SIP servlet API's attributes are
 * strings and objects, and a misspelt name or a wrong cast at one of their uses would fail only at run time.
 *
 * @param <T> what the attribute holds
 */
public record SessionKey<T>(String name, Class<T> type) {

    /** The user (SIP URI) the identity step attributed the dialog to, set when the chat session is accepted. */
    public static final SessionKey<String> USER = new SessionKey<>("parley.user", String.class);

    /** The opaque name of the security association (SecurityAssociations) of the client at the dialog's other end. */
    public static final SessionKey<String> ASSOCIATION = new SessionKey<>("parley.sipae.association", String.class);

    /** The session's first command has been answered (RoomResumption had its chance). */
    public static final SessionKey<Boolean> RESUMED = new SessionKey<>("parley.resumed", Boolean.class);

    /** @return the value, or null when the session has none */
    public T get(SipSession session) {
        return session.getAttribute(name, type);
    }

    /** @param value null removes the attribute */
    public void set(SipSession session, T value) {
        session.setAttribute(name, value);
    }
}
