package org.parley.chat.interfaces.xccos;

import java.util.Collection;

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

    /**
     * The same element to many sessions (a room's post or notice): built and encoded once, only each session's
     * envelope is made per recipient.
     *
     * @return how many sessions it was sent to
     */
    default int deliverToAll(Collection<String> sessionIds, Outbound item) {
        int sent = 0;
        for (String sessionId : sessionIds) {
            if (deliver(sessionId, item)) {
                sent++;
            }
        }
        return sent;
    }
}
