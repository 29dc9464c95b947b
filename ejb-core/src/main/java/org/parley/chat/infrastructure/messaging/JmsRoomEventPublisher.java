package org.parley.chat.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.RoomChange;
import org.parley.chat.application.events.RoomEventPublisher;

/**
 * Puts room events on the {@code ParleyRoomEvents} topic (configure-messaging.cli). The container's
 * JMSContext on the XA connection factory joins the caller's JTA transaction: the event is published if and
 * only if the change commits, and only after it has (so a node that reads the room on receipt finds it).
 * Not persistent: the events are for participants online now; whoever is offline reads the history.
 */
@ApplicationScoped
public class JmsRoomEventPublisher implements RoomEventPublisher {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = RoomEvents.TOPIC)
    Topic topic;

    @Override
    public void accessChanged(AccessChange change) {
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .send(topic, RoomEvents.accessChanged(jms, change));
    }

    @Override
    public void roomChanged(RoomChange change) {
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .send(topic, RoomEvents.roomChanged(jms, change));
    }
}
