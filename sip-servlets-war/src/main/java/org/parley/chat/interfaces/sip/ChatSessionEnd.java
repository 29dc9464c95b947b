package org.parley.chat.interfaces.sip;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.occupancy.RoomOccupancy;
import org.parley.chat.application.presence.OnlineClients;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.interfaces.xccos.NewContentNotices;
import org.parley.sip.servlet.SipSession;
import org.parley.sip.servlet.SipSessionEndReason;
import org.parley.sip.servlet.SipSessionListener;

/**
 * A client's chat dialog ended (BYE, expiry, failed delivery, ...): the client leaves every room it
 * was in, and those who stay are told, exactly as for cmd:part. Nothing of the session is kept.
 */
@ApplicationScoped
public class ChatSessionEnd implements SipSessionListener {

    private static final Logger LOG = Logger.getLogger(ChatSessionEnd.class.getName());

    @Inject
    SipClientDelivery delivery;

    @Inject
    OnlineClients online;

    @Inject
    NewContentNotices newContent;

    @Inject
    RoomOccupancy occupancy;

    /**
     * The session is unregistered first, so nothing more is sent to it (no notice to a client that is gone), then
     * it leaves its rooms ({@link RoomOccupancy#leaveAll}): the part notices go out on each room's lane, merged with
     * those of others leaving at the same moment and sent only to sessions still there, and the store records all
     * its parts in one call.
     */
    @Override
    public void sessionDestroyed(SipSession session, SipSessionEndReason reason) {
        delivery.unregister(session.getId());
        String user = SessionKey.USER.get(session);
        if (user == null) {
            return;
        }
        online.disconnected(user, session.getId());
        newContent.sessionEnded(user, session.getId());
        occupancy.leaveAll(new Participant(user, session.getId()));
        LOG.fine(() -> "chat session of " + user + " ended: " + reason);
    }
}
