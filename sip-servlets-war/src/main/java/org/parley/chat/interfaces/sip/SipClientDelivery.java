package org.parley.chat.interfaces.sip;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.presence.Participant;
import org.parley.chat.infrastructure.metrics.ParleyMeters;
import org.parley.chat.interfaces.xccos.ClientDelivery;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipSession;
import org.parley.xccos.ChatMessage;
import org.parley.xccos.Outbound;
import org.parley.xccos.XccosCodec;
import org.parley.xccos.XccosNames;

/**
 * {@link ClientDelivery} over this node's SIP dialogs: each element is one INFO in the client's
 * chat dialog, From the URI the client invited (docs/protocol/xccos.md §4). A failed INFO (481, 487, timeout)
 * makes the SIP layer end the dialog; {@link ChatSessionEnd} then removes it everywhere.
 */
@ApplicationScoped
public class SipClientDelivery implements ClientDelivery {

    private static final Logger LOG = Logger.getLogger(SipClientDelivery.class.getName());

    @Inject
    EnvelopeIds envelopeIds;

    @Inject
    ParleyMeters meters;

    private final XccosCodec codec = new XccosCodec();
    private final Map<String, SipSession> sessions = new ConcurrentHashMap<>();

    void register(SipSession session) {
        sessions.put(session.getId(), session);
    }

    void unregister(String sessionId) {
        sessions.remove(sessionId);
    }

    int sessionCount() {
        return sessions.size();
    }

    /** The users of the chat dialogs here (one pass over them; for monitoring). */
    int userCount() {
        Set<String> users = new HashSet<>();
        for (SipSession session : sessions.values()) {
            String user = SessionKey.USER.get(session);
            if (user != null) {
                users.add(user);
            }
        }
        return users.size();
    }

    @Override
    public boolean deliver(String sessionId, Outbound item) {
        SipSession session = sessions.get(sessionId);
        if (session == null || !session.isValid()) {
            return false;
        }
        return send(session, codec.write(envelopeIds.next(), item), false);
    }

    /**
     * One body for all (Netty's encode once, write many): the element is serialised once, with one envid, and
     * each session gets only its own INFO around it. The envid needs to be unique per dialog, not across them.
     */
    @Override
    public int deliverToAll(Collection<String> sessionIds, Outbound item) {
        // Posts are what the delivery meters count (parley_deliveries_total, parley_post_delivery_seconds).
        boolean post = item instanceof ChatMessage;
        byte[] body = null;
        int sent = 0;
        for (String sessionId : sessionIds) {
            SipSession session = sessions.get(sessionId);
            if (session == null || !session.isValid()) {
                // A web client in the room is served by its own stream (web-services-war), not by this delivery.
                if (post && !Participant.isWebSession(sessionId)) {
                    meters.deliveryFailed(ParleyMeters.DeliveryFailure.ENDED);
                }
                continue;
            }
            if (body == null) {
                body = codec.write(envelopeIds.next(), item);
            }
            if (send(session, body, post)) {
                sent++;
            } else if (post) {
                meters.deliveryFailed(ParleyMeters.DeliveryFailure.ENDED);
            }
        }
        if (post) {
            meters.delivered(sent, ((ChatMessage) item).time().toEpochMilli());
        }
        return sent;
    }

    /** Sends on a session the caller holds, e.g. a reply on the dialog a command came in. */
    boolean send(SipSession session, Outbound item) {
        return send(session, codec.write(envelopeIds.next(), item), false);
    }

    private boolean send(SipSession session, byte[] body, boolean post) {
        SipServletRequest info;
        try {
            info = session.createRequest("INFO");
        } catch (IllegalStateException ended) {
            return false;
        }
        info.setContent(body, XccosNames.CONTENT_TYPE);
        info.send().whenComplete((response, failure) -> {
            if (failure != null) {
                if (post) {
                    meters.deliveryFailed(ParleyMeters.DeliveryFailure.FAILED);
                }
                LOG.log(Level.FINE, failure, () -> "INFO to " + session.getRemoteParty() + " failed");
            }
        });
        return true;
    }
}
