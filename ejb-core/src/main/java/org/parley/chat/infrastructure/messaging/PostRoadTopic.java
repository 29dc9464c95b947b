package org.parley.chat.infrastructure.messaging;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;

import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.events.PoolSettings;
import org.parley.chat.application.presence.Participant;

/**
 * The post road's clustered topic and its message format, written by {@link TopicPostRelay} and read by
 * {@link PostRoadListener}: MapMessages (no parser involved), each carrying its {@value #KIND} (a stored post, or
 * a presence event of {@link org.parley.chat.application.presence.PoolPresence}) and the name ({@value #ORIGIN})
 * and incarnation ({@value #INCARNATION}) of the node that sent it, which does not take its own messages back.
 */
public final class PostRoadTopic {

    /** configure-messaging.cli creates the topic under this name, on every node (a pool clusters it). */
    public static final String TOPIC = "java:/jms/topic/ParleyPostRoad";

    public static final String ORIGIN = "parleyNode";
    public static final String INCARNATION = "parleyIncarnation";
    public static final String KIND = "parleyKind";

    static final String POST = "post";
    static final String ENTERED = "entered";
    static final String LEFT = "left";
    static final String HELLO = "hello";
    static final String DESCRIBED = "described";

    /** What a message of the road carries. */
    sealed interface Event permits Post, Entered, Left, Hello, Described {}

    record Post(MessageView post) implements Event {}

    record Entered(String roomUri, Participant participant, boolean manager) implements Event {}

    record Left(String roomUri, Participant participant) implements Event {}

    record Hello() implements Event {}

    record Described(Map<String, Set<Participant>> rooms) implements Event {}

    private PostRoadTopic() {}

    static MapMessage message(JMSContext jms, PoolSettings node, MessageView post) throws JMSException {
        MapMessage message = message(jms, node, POST);
        message.setString("roomUri", post.roomUri());
        message.setLong("seq", post.seq());
        message.setString("author", post.author());
        message.setString("text", post.text());
        message.setString(
                "clientTime",
                post.clientTime() == null ? null : post.clientTime().toString());
        message.setString(
                "serverTime",
                post.serverTime() == null ? null : post.serverTime().toString());
        return message;
    }

    static MapMessage entered(
            JMSContext jms, PoolSettings node, String roomUri, Participant participant, boolean manager)
            throws JMSException {
        MapMessage message = presence(jms, node, ENTERED, roomUri, participant);
        message.setString("manager", Boolean.toString(manager));
        return message;
    }

    static MapMessage left(JMSContext jms, PoolSettings node, String roomUri, Participant participant)
            throws JMSException {
        return presence(jms, node, LEFT, roomUri, participant);
    }

    static MapMessage hello(JMSContext jms, PoolSettings node) throws JMSException {
        return message(jms, node, HELLO);
    }

    /** One line per participant: room, user, session, tab-separated (none of them can hold a tab or a newline). */
    static MapMessage described(JMSContext jms, PoolSettings node, Map<String, Set<Participant>> rooms)
            throws JMSException {
        StringBuilder lines = new StringBuilder();
        rooms.forEach((room, participants) -> participants.forEach(participant -> lines.append(room)
                .append('\t')
                .append(participant.userUri())
                .append('\t')
                .append(participant.sessionId())
                .append('\n')));
        MapMessage message = message(jms, node, DESCRIBED);
        message.setString("participants", lines.toString());
        return message;
    }

    private static MapMessage presence(
            JMSContext jms, PoolSettings node, String kind, String roomUri, Participant participant)
            throws JMSException {
        MapMessage message = message(jms, node, kind);
        message.setString("roomUri", roomUri);
        message.setString("userUri", participant.userUri());
        message.setString("sessionId", participant.sessionId());
        return message;
    }

    private static MapMessage message(JMSContext jms, PoolSettings node, String kind) throws JMSException {
        MapMessage message = jms.createMapMessage();
        message.setStringProperty(ORIGIN, node.nodeName());
        message.setStringProperty(INCARNATION, node.incarnation());
        message.setStringProperty(KIND, kind);
        return message;
    }

    static String origin(Message message) throws JMSException {
        return message.getStringProperty(ORIGIN);
    }

    static String incarnation(Message message) throws JMSException {
        return message.getStringProperty(INCARNATION);
    }

    /** @return what a message carries; IllegalArgumentException if it is not one of ours */
    static Event read(Message message) throws JMSException {
        if (!(message instanceof MapMessage map) || message.getStringProperty(KIND) == null) {
            throw new IllegalArgumentException("not a message of the post road: " + message.getJMSMessageID());
        }
        String kind = message.getStringProperty(KIND);
        switch (kind) {
            case POST:
                return new Post(post(map));
            case ENTERED:
                return new Entered(
                        required(map, "roomUri"), participant(map), Boolean.parseBoolean(map.getString("manager")));
            case LEFT:
                return new Left(required(map, "roomUri"), participant(map));
            case HELLO:
                return new Hello();
            case DESCRIBED:
                return new Described(rooms(required(map, "participants")));
            default:
                throw new IllegalArgumentException("a post road message of an unknown kind: " + kind);
        }
    }

    private static MessageView post(MapMessage map) throws JMSException {
        if (map.getString("roomUri") == null || !map.itemExists("seq")) {
            throw new IllegalArgumentException("not a post of the post road: " + map.getJMSMessageID());
        }
        String clientTime = map.getString("clientTime");
        String serverTime = map.getString("serverTime");
        return new MessageView(
                map.getString("roomUri"),
                map.getLong("seq"),
                map.getString("author"),
                map.getString("text"),
                clientTime == null ? null : Instant.parse(clientTime),
                serverTime == null ? null : Instant.parse(serverTime));
    }

    private static Participant participant(MapMessage map) throws JMSException {
        return new Participant(required(map, "userUri"), required(map, "sessionId"));
    }

    private static Map<String, Set<Participant>> rooms(String lines) {
        Map<String, Set<Participant>> rooms = new HashMap<>();
        for (String line : lines.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("a presence description with a bad line: " + line);
            }
            rooms.computeIfAbsent(fields[0], k -> new HashSet<>()).add(new Participant(fields[1], fields[2]));
        }
        return rooms;
    }

    private static String required(MapMessage map, String name) throws JMSException {
        String value = map.getString(name);
        if (value == null) {
            throw new IllegalArgumentException(
                    "a post road message without its " + name + ": " + map.getJMSMessageID());
        }
        return value;
    }
}
