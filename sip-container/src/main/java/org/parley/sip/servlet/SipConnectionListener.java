package org.parley.sip.servlet;

/**
 * Hears when a TCP or TLS connection that carried requests closes, whoever closed it: state bound to
 * one connection (a security association, a client that can only be reached through it) must end with
 * it. Called once per connection, on the container's executor; not called for UDP.
 */
public interface SipConnectionListener {

    /** The connection is closed; nothing more arrives or can be sent on it. */
    void connectionClosed(SipConnection connection);
}
