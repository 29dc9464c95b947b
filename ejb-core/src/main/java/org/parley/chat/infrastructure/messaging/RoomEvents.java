package org.parley.chat.infrastructure.messaging;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;

import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.RoomChange;

/**
 * The room events topic's message format, written here and read by the chat nodes' consumer: a MapMessage
 * (no parser involved) whose {@value #TYPE} property says what happened and whose JMSXGroupID is the room,
 * so that a shared subscription with several consumers still hands one room's events to one of them, in
 * order.
 */
public final class RoomEvents {

    /** configure-messaging.cli creates the topic under this name. */
    public static final String TOPIC = "java:/jms/topic/ParleyRoomEvents";

    public static final String TYPE = "roomEvent";
    public static final String ACCESS_CHANGED = "ACCESS_CHANGED";
    public static final String ROOM_CHANGED = "ROOM_CHANGED";
    /**
     * The message group of events wider than a room (access changes, a category's room changes): one group, so that
     * a shared subscription hands them to one consumer in order.
     */
    static final String WIDE_ACCESS_GROUP = "parley-access";

    private RoomEvents() {}

    public static MapMessage accessChanged(JMSContext jms, AccessChange change) {
        MapMessage message = jms.createMapMessage();
        try {
            message.setStringProperty(TYPE, ACCESS_CHANGED);
            message.setStringProperty("JMSXGroupID", change.roomUri() != null ? change.roomUri() : WIDE_ACCESS_GROUP);
            message.setString("roomUri", change.roomUri());
            message.setString("categoryUri", change.categoryUri());
            message.setString("userUri", change.userUri());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot write a room event", e);
        }
        return message;
    }

    /**
     * A room's change goes in its room's group, so a node hears it after the access change of the same transaction
     * (whoever may no longer read is out before the others are told); a category's in the group of wide changes.
     */
    public static MapMessage roomChanged(JMSContext jms, RoomChange change) {
        MapMessage message = jms.createMapMessage();
        try {
            message.setStringProperty(TYPE, ROOM_CHANGED);
            message.setStringProperty("JMSXGroupID", change.roomUri() != null ? change.roomUri() : WIDE_ACCESS_GROUP);
            message.setString("roomUri", change.roomUri());
            message.setString("categoryUri", change.categoryUri());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot write a room event", e);
        }
        return message;
    }

    /** @return the change a {@link #ROOM_CHANGED} event carries, or null for an event of another type */
    public static RoomChange roomChange(Message message) throws JMSException {
        if (!ROOM_CHANGED.equals(message.getStringProperty(TYPE)) || !(message instanceof MapMessage map)) {
            return null;
        }
        return new RoomChange(map.getString("roomUri"), map.getString("categoryUri"));
    }

    /** @return the change an {@link #ACCESS_CHANGED} event carries, or null for an event of another type */
    public static AccessChange accessChange(Message message) throws JMSException {
        if (!ACCESS_CHANGED.equals(message.getStringProperty(TYPE)) || !(message instanceof MapMessage map)) {
            return null;
        }
        return new AccessChange(map.getString("roomUri"), map.getString("categoryUri"), map.getString("userUri"));
    }
}
