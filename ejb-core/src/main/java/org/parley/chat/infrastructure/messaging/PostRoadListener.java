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

import org.parley.chat.application.events.LocalPostRoad;
import org.parley.chat.application.events.PoolSettings;
import org.parley.chat.application.presence.PoolPresence;
import org.parley.chat.infrastructure.messaging.PostRoadTopic.Described;
import org.parley.chat.infrastructure.messaging.PostRoadTopic.Entered;
import org.parley.chat.infrastructure.messaging.PostRoadTopic.Event;
import org.parley.chat.infrastructure.messaging.PostRoadTopic.Hello;
import org.parley.chat.infrastructure.messaging.PostRoadTopic.Left;
import org.parley.chat.infrastructure.messaging.PostRoadTopic.Post;

/**
 * This node's end of the pool's post road: the posts stored on the other nodes reach this node's subscribers
 * (the fan-out to the sessions connected here, new-content notices), and what the other nodes say of their
 * presence reaches {@link PoolPresence}. Its own messages come back too (a topic has every subscriber) and are
 * skipped: its posts were delivered here before they were relayed.
 *
 * <p>One session, so the posts of one origin arrive in the order it sent them; the fan-out puts posts of
 * several origins in sequence order. No transaction (FINDINGS.md §2a: an XA consumer saturated at about
 * 200 messages/s; a delivery cannot be rolled back anyway). A non-durable subscription: a node that was down
 * reads what it missed from the store.
 */
@ExcludeDefaultInterceptors
@MessageDriven(
        activationConfig = {
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
    PoolPresence presence;

    @Inject
    PoolSettings pool;

    @Override
    public void onMessage(Message message) {
        try {
            String origin = PostRoadTopic.origin(message);
            if (pool.nodeName().equals(origin)) {
                return;
            }
            String incarnation = PostRoadTopic.incarnation(message);
            Event event = PostRoadTopic.read(message);
            if (event instanceof Post post) {
                road.received(post.post());
            } else if (event instanceof Entered entered) {
                presence.enteredAt(origin, incarnation, entered.roomUri(), entered.participant(), entered.manager());
            } else if (event instanceof Left left) {
                presence.leftAt(origin, incarnation, left.roomUri(), left.participant());
            } else if (event instanceof Hello) {
                presence.helloFrom(origin, incarnation);
            } else if (event instanceof Described described) {
                presence.describedAt(origin, incarnation, described.rooms());
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "a message from another node cannot be taken here", e);
        }
    }
}
