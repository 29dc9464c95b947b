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

import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.RoomEvents;
import org.parley.chat.interfaces.xccos.NewContentNotices;
import org.parley.chat.interfaces.xccos.RoomAccessReview;
import org.parley.chat.interfaces.xccos.RoomFanOut;

/**
 * This node's ear on the room events topic: a post made outside the SIP service reaches the room's
 * participants connected here exactly as a grpchat does (the same fan-out, in the room's order), and the
 * followers who are not in the room get their new-content notice. An access change makes this node evict the
 * participants connected here who may no longer read ({@link RoomAccessReview}); it comes on the same topic, so
 * it is handled in order with the web posts around it.
 *
 * <p>One session: events reach the fan-out one after another, in the order the topic has them, and a
 * non-durable subscription per node means every node gets every event once. No transaction: delivery to
 * clients cannot be rolled back, and a redelivered event would reach them twice.
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
    RoomFanOut fanOut;

    @Inject
    NewContentNotices newContent;

    @Inject
    RoomAccessReview accessReview;

    @Override
    public void onMessage(Message message) {
        try {
            MessageView post = RoomEvents.post(message);
            if (post != null) {
                fanOut.deliverPosted(post);
                newContent.posted(post);
                return;
            }
            AccessChange change = RoomEvents.accessChange(message);
            if (change != null) {
                accessReview.changed(change);
            }
        } catch (JMSException | RuntimeException e) {
            // Logged, not thrown: the post is stored and in the history whatever happens to its live delivery.
            LOG.log(Level.WARNING, "cannot deliver a room event", e);
        }
    }
}
