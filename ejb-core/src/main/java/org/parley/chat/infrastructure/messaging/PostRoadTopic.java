package org.parley.chat.infrastructure.messaging;

import java.time.Instant;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;

import org.parley.chat.application.dto.MessageView;

/**
 * The post road's clustered topic and its message format, written by {@link TopicPostRelay} and read by
 * {@link PostRoadListener}: a MapMessage (no parser involved) carrying one stored post and the name of the node
 * that stored it ({@value #ORIGIN}), which does not take its own posts back: it delivered them already.
 */
public final class PostRoadTopic {

    /** configure-messaging.cli creates the topic under this name, on every node (a pool clusters it). */
    public static final String TOPIC = "java:/jms/topic/ParleyPostRoad";
    public static final String ORIGIN = "parleyNode";

    private PostRoadTopic() {
    }

    static MapMessage message(JMSContext jms, String origin, MessageView post) throws JMSException {
        MapMessage message = jms.createMapMessage();
        message.setStringProperty(ORIGIN, origin);
        message.setString("roomUri", post.roomUri());
        message.setLong("seq", post.seq());
        message.setString("author", post.author());
        message.setString("text", post.text());
        message.setString("clientTime", post.clientTime() == null ? null : post.clientTime().toString());
        message.setString("serverTime", post.serverTime() == null ? null : post.serverTime().toString());
        return message;
    }

    static String origin(Message message) throws JMSException {
        return message.getStringProperty(ORIGIN);
    }

    /** @return the post a message carries; IllegalArgumentException if it is not one of ours */
    static MessageView post(Message message) throws JMSException {
        if (!(message instanceof MapMessage map) || map.getString("roomUri") == null || !map.itemExists("seq")) {
            throw new IllegalArgumentException("not a post of the post road: " + message.getJMSMessageID());
        }
        String clientTime = map.getString("clientTime");
        String serverTime = map.getString("serverTime");
        return new MessageView(map.getString("roomUri"), map.getLong("seq"), map.getString("author"),
                map.getString("text"), clientTime == null ? null : Instant.parse(clientTime),
                serverTime == null ? null : Instant.parse(serverTime));
    }
}
