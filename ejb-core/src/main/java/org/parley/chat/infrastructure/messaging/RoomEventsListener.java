package org.parley.chat.interfaces.events;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.parley.chat.application.Callers;
import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.RoomChange;
import org.parley.chat.infrastructure.messaging.RoomEvents;
import org.parley.chat.interfaces.xccos.RoomAccessReview;
import org.parley.chat.interfaces.xccos.RoomChangeNotices;

/**
 * This node's ear on the room events topic: an access change makes this node evict the participants connected
 * here who may no longer read ({@link RoomAccessReview}), after forgetting what it remembered of the callers the
 * change concerns ({@link Callers#forget}); a room change makes it tell the participants here the room as it now is
 * ({@link RoomChangeNotices}). Posts do not come this way: they take the one road ({@link PostRoadSubscriptions}).
 *
 * <p>One session: changes are handled one after another, in the order the topic has them (a change that takes
 * rights away publishes its access change first, so whoever loses the room is out before the others are told), and
 * a non-durable subscription per node means every node gets every change once. No transaction: an eviction cannot be
 * rolled back.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = RoomEvents.TOPIC),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoomEventsListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(RoomEventsListener.class.getName());

    @Inject
    RoomAccessReview accessReview;

    @Inject
    RoomChangeNotices roomChangeNotices;

    @Inject
    Callers callers;

    @Override
    public void onMessage(Message message) {
        try {
            AccessChange change = RoomEvents.accessChange(message);
            if (change != null) {
                // On another node of a pool this is the first this node hears of the change: who the callers
                // are is read afresh, for the review and for every request after it.
                callers.forget(change);
                accessReview.changed(change);
                return;
            }
            RoomChange roomChange = RoomEvents.roomChange(message);
            if (roomChange != null) {
                roomChangeNotices.changed(roomChange);
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot act on a room event (an access change's review, or a room change's notice)",
                    e);
        }
    }
}
