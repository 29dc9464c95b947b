package org.parley.sip.servlet;

/**
 * The transport a message came in or goes out on. For TCP and TLS this is one connection: a client
 * that does not listen (Lync, SIPE) can only be reached through it, and security associations such as
 * MS-SIPAE belong to it.
 */
public interface SipConnection {

    /**
     * Identifies the connection while it is open: transport, peer address and port, and for TCP/TLS
     * the socket. Two messages with the same id came over the same connection.
     */
    String getId();

    /** "UDP", "TCP" or "TLS". */
    String getTransport();

    boolean isSecure();

    /** True for TCP and TLS. */
    boolean isReliable();

    /** The peer's IP address as seen on the socket (not what its Via or Contact claim). */
    String getRemoteAddress();

    int getRemotePort();

    String getLocalAddress();

    int getLocalPort();
}
