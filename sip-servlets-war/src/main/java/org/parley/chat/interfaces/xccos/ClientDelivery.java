package org.parley.chat.interfaces.xccos;

import org.parley.xccos.Outbound;

/**
 * Sends an XCCOS element to one client session, wherever it is connected. On one node that is a
 * SIP INFO in the session's dialog; in a pool, sessions on other nodes are reached through the
 * cluster's messaging. Asynchronous: a delivery that fails ends the session, which the session's
 * end handling then cleans up.
 */
public interface ClientDelivery {

    /** @return false when the session is unknown or already ended (nothing was sent) */
    boolean deliver(String sessionId, Outbound item);
}
