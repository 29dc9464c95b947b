package org.parley.chat.interfaces.sip;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.RoomService;
import org.parley.chat.application.presence.OnlineClients;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.RoomPresence;
import org.parley.chat.interfaces.xccos.NewContentNotices;
import org.parley.chat.interfaces.xccos.RoomFanOut;
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
    RoomPresence presence;

    @Inject
    RoomFanOut fanOut;

    @Inject
    SipClientDelivery delivery;

    @Inject
    OnlineClients online;

    @Inject
    RoomService rooms;

    @Inject
    NewContentNotices newContent;

    @Override
    public void sessionDestroyed(SipSession session, SipSessionEndReason reason) {
        delivery.unregister(session.getId());
        String user = session.getAttribute(ChatEndpointServlet.USER, String.class);
        if (user == null) {
            return;
        }
        online.disconnected(user, session.getId());
        newContent.sessionEnded(user, session.getId());
        Participant participant = new Participant(user, session.getId());
        for (String room : presence.leaveAll(session.getId())) {
            fanOut.left(room, participant);
            try {
                rooms.leave(user, room);
            } catch (RuntimeException gone) {
                LOG.fine(() -> "no compliance record of " + user + " leaving " + room + ": " + gone.getMessage());
            }
        }
        LOG.fine(() -> "chat session of " + user + " ended: " + reason);
    }
}
