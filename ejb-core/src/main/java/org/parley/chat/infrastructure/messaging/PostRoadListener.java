package org.parley.chat.infrastructure.messaging;

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

import org.parley.chat.application.events.LocalPostRoad;
import org.parley.chat.application.events.PoolSettings;

/**
 * This node's end of the pool's post road: the posts stored on the other nodes reach this node's subscribers
 * (the fan-out to the sessions connected here, new-content notices). Its own posts come back too (a topic has
 * every subscriber) and are skipped: they were delivered here before they were relayed.
 *
 * <p>One session, so the posts of one origin arrive in the order it sent them; the fan-out puts posts of
 * several origins in sequence order. No transaction (FINDINGS.md §2a: an XA consumer saturated at about
 * 200 messages/s; a delivery cannot be rolled back anyway). A non-durable subscription: a node that was down
 * reads what it missed from the store.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = PostRoadTopic.TOPIC),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PostRoadListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PostRoadListener.class.getName());

    @Inject
    LocalPostRoad road;

    @Inject
    PoolSettings pool;

    @Override
    public void onMessage(Message message) {
        try {
            if (!pool.nodeName().equals(PostRoadTopic.origin(message))) {
                road.received(PostRoadTopic.post(message));
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "a post from another node cannot be delivered here", e);
        }
    }
}
