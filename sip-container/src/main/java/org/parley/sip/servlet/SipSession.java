package org.parley.sip.servlet;

import java.time.Duration;
import java.util.Set;

/**
 * A dialog, seen from this side (JSR 289 {@code SipSession}): created by the layer when a mapped
 * servlet gets an INVITE or SUBSCRIBE outside any dialog, ended by BYE, by a failed request, by expiry
 * or by {@link #invalidate()}. {@link SipSessionListener}s hear about the end.
 */
public interface SipSession {

    enum State {
        INITIAL,
        EARLY,
        CONFIRMED,
        TERMINATED
    }

    /** Unique in this connector: Call-ID and local tag. */
    String getId();

    String getCallId();

    /** This side: the URI the client addressed, with the layer's tag. */
    Address getLocalParty();

    /** The peer: its From address with its tag. */
    Address getRemoteParty();

    /** The peer's Contact: the Request-URI of requests we send in the dialog. */
    URI getRemoteTarget();

    State getState();

    /** False once TERMINATED. */
    boolean isValid();

    /** The connection the peer last used in this dialog; requests we send go back through it. */
    SipConnection getConnection();

    Object getAttribute(String name);

    /**
     * The attribute cast to {@code type}, or null when absent.
     *
     * @throws ClassCastException when the attribute is of another type
     */
    <T> T getAttribute(String name, Class<T> type);

    void setAttribute(String name, Object value);

    void removeAttribute(String name);

    Set<String> getAttributeNames();

    /**
     * A request inside this dialog (INFO, NOTIFY, BYE ...): Request-URI = remote target, Route from the
     * route set, From/To/Call-ID of the dialog and the next local CSeq (counting from 1). Send it with
     * {@link SipServletRequest#send()}.
     *
     * @throws IllegalStateException when the session is not CONFIRMED (or EARLY)
     */
    SipServletRequest createRequest(String method);

    /**
     * How long the session lives without a request from the peer before it expires. Starts at the
     * connector's Session-Expires for INVITE dialogs and at the subscription's Expires for SUBSCRIBE.
     */
    void setExpires(Duration lifetime);

    /** Ends the session now, without sending anything; listeners hear {@link SipSessionEndReason#INVALIDATED}. */
    void invalidate();
}
