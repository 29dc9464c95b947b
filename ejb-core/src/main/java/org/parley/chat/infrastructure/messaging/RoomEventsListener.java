package org.parley.chat.infrastructure.messaging;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.ExcludeDefaultInterceptors;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.RoomChange;
import org.parley.chat.application.events.RoomEventSubscribers;

/**
 * This node's ear on the room events topic: each access change and room change goes to this node's subscribers
 * ({@link RoomEventSubscribers}: the SIP side's eviction and notices, the web side's event streams). Posts do not
 * come this way: they take the one road ({@link org.parley.chat.application.events.PostRoad}).
 *
 * <p>One session: changes are handled one after another, in the order the topic has them (a change that takes
 * rights away publishes its access change first, so whoever loses the room is out before the others are told), and
 * a non-durable subscription per node means every node gets every change once. No transaction: an eviction cannot be
 * rolled back. In the EJB module, as the post road's listener, so that both WARs share one subscription.
 */
@ExcludeDefaultInterceptors
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = RoomEvents.TOPIC),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoomEventsListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(RoomEventsListener.class.getName());

    @Inject
    RoomEventSubscribers subscribers;

    @Override
    public void onMessage(Message message) {
        try {
            AccessChange change = RoomEvents.accessChange(message);
            if (change != null) {
                subscribers.accessChanged(change);
                return;
            }
            RoomChange roomChange = RoomEvents.roomChange(message);
            if (roomChange != null) {
                subscribers.roomChanged(roomChange);
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "cannot act on a room event (an access change's review, or a room change's notice)",
                    e);
        }
    }
}
