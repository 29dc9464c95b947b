package org.parley.sip.servlet;

/** Why a {@link SipSession} ended. */
public enum SipSessionEndReason {
    /** The peer sent BYE. */
    BYE_RECEIVED,
    /** A BYE we sent got its final response. */
    BYE_SENT,
    /** The dialog-creating request got a failure response (or was cancelled). */
    REJECTED,
    /** A 2xx to INVITE was never acknowledged. */
    ACK_TIMEOUT,
    /** No request from the peer within the session's lifetime (Session-Expires, subscription expiry). */
    EXPIRED,
    /** The peer answered one of our requests with 481, 487 or 408: it no longer knows the dialog. */
    PEER_LOST_DIALOG,
    /** One of our requests got no response at all. */
    TIMEOUT,
    /** One of our requests could not be sent (connection gone). */
    TRANSPORT_ERROR,
    /**
     * The peer took our requests too slowly: more were waiting to be sent in the dialog than the connector keeps
     * (a slow or dead client is dropped, so that it never holds up the others). A BYE is sent, best effort.
     */
    OUTBOUND_OVERFLOW,
    /**
     * The TCP or TLS connection the peer last used in the dialog closed: our requests can no longer reach
     * it (clients do not listen for new connections), and a client that comes back makes a new dialog.
     */
    CONNECTION_CLOSED,
    /** {@link SipSession#invalidate()} was called. */
    INVALIDATED,
    /** The connector stopped. */
    CONNECTOR_STOPPED
}
