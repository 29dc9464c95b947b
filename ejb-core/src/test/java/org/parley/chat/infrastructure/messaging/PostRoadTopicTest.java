package org.parley.chat.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.events.LocalPostRoad;
import org.parley.chat.application.events.PoolSettings;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.PoolPresence;
import org.parley.chat.application.presence.PresenceRelay;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;

class PostRoadTopicTest {

    private static final MessageView POST = new MessageView(
            "ma-chan://contoso.com/3f0c",
            42,
            "sip:alice@contoso.com",
            "<b>&amp; \u00e9t\u00e9 \ud83d\ude00",
            Instant.parse("2026-12-06T02:00:00.123Z"),
            Instant.parse("2026-12-06T02:00:00.456789Z"));

    /** A MapMessage as a broker keeps one: names to values, properties apart. */
    static MapMessage mapMessage() {
        Map<String, Object> body = new HashMap<>();
        Map<String, Object> properties = new HashMap<>();
        return (MapMessage) Proxy.newProxyInstance(
                MapMessage.class.getClassLoader(),
                new Class<?>[] {MapMessage.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setString", "setLong" -> body.put((String) args[0], args[1]);
                    case "getString" -> (String) body.get((String) args[0]);
                    case "getLong" -> (Long) body.get((String) args[0]);
                    case "itemExists" -> body.containsKey((String) args[0]);
                    case "setStringProperty" -> properties.put((String) args[0], args[1]);
                    case "getStringProperty" -> (String) properties.get((String) args[0]);
                    case "getJMSMessageID" -> "ID:test";
                    case "toString" -> "MapMessage" + body;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static JMSContext context() {
        return (JMSContext) Proxy.newProxyInstance(
                JMSContext.class.getClassLoader(), new Class<?>[] {JMSContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createMapMessage")) {
                        return mapMessage();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final PoolSettings NODE1 = new PoolSettings(true, "node1", "incarnation-1");
    private static final PoolSettings NODE2 = new PoolSettings(true, "node2", "incarnation-2");
    private static final String ROOM = "ma-chan://contoso.com/3f0c";
    private static final Participant BOB = new Participant("sip:bob@contoso.com", "call-1;from-tag=a;to-tag=b");

    @Test
    void aPostCrossesTheTopicUnchangedWithItsOrigin() throws Exception {
        MapMessage message = PostRoadTopic.message(context(), NODE1, POST);

        assertThat(PostRoadTopic.origin(message)).isEqualTo("node1");
        assertThat(PostRoadTopic.incarnation(message)).isEqualTo("incarnation-1");
        assertThat(PostRoadTopic.read(message)).isEqualTo(new PostRoadTopic.Post(POST));
    }

    @Test
    void aPostWithoutAClientTimeCrossesToo() throws Exception {
        MessageView post = new MessageView(POST.roomUri(), 1, POST.author(), "x", null, POST.serverTime());

        assertThat(PostRoadTopic.read(PostRoadTopic.message(context(), NODE2, post)))
                .isEqualTo(new PostRoadTopic.Post(post));
    }

    @Test
    void presenceCrossesTheTopicUnchanged() throws Exception {
        Map<String, Set<Participant>> rooms = Map.of(
                ROOM,
                Set.of(BOB, new Participant("sip:carol@contoso.com", "c")),
                "ma-chan://contoso.com/other",
                Set.of(BOB));

        assertThat(PostRoadTopic.read(PostRoadTopic.entered(context(), NODE1, ROOM, BOB, true)))
                .isEqualTo(new PostRoadTopic.Entered(ROOM, BOB, true));
        assertThat(PostRoadTopic.read(PostRoadTopic.left(context(), NODE1, ROOM, BOB)))
                .isEqualTo(new PostRoadTopic.Left(ROOM, BOB));
        assertThat(PostRoadTopic.read(PostRoadTopic.hello(context(), NODE1))).isEqualTo(new PostRoadTopic.Hello());
        assertThat(PostRoadTopic.read(PostRoadTopic.described(context(), NODE1, rooms)))
                .isEqualTo(new PostRoadTopic.Described(rooms));
        assertThat(PostRoadTopic.read(PostRoadTopic.described(context(), NODE1, Map.of())))
                .isEqualTo(new PostRoadTopic.Described(Map.of()));
    }

    @Test
    void aMessageThatIsNotOfTheRoadIsRefused() throws Exception {
        Message text = (TextMessage) Proxy.newProxyInstance(
                TextMessage.class.getClassLoader(),
                new Class<?>[] {TextMessage.class},
                (proxy, method, args) -> "ID:other");
        MapMessage unknownKind = mapMessage();
        unknownKind.setStringProperty(PostRoadTopic.KIND, "gossip");
        MapMessage enteredWithoutRoom = mapMessage();
        enteredWithoutRoom.setStringProperty(PostRoadTopic.KIND, PostRoadTopic.ENTERED);
        MapMessage postWithoutSeq = mapMessage();
        postWithoutSeq.setStringProperty(PostRoadTopic.KIND, PostRoadTopic.POST);
        postWithoutSeq.setString("roomUri", ROOM);

        assertThatThrownBy(() -> PostRoadTopic.read(text)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostRoadTopic.read(mapMessage())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostRoadTopic.read(unknownKind)).hasMessageContaining("gossip");
        assertThatThrownBy(() -> PostRoadTopic.read(enteredWithoutRoom)).hasMessageContaining("roomUri");
        assertThatThrownBy(() -> PostRoadTopic.read(postWithoutSeq)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNodeTakesTheMessagesOfTheOthersAndSkipsItsOwn() throws Exception {
        List<MessageView> delivered = new ArrayList<>();
        LocalPostRoad road = new LocalPostRoad(post -> {
            throw new AssertionError("a post from the topic is never relayed again");
        });
        road.subscribe(delivered::add);
        InMemoryRoomPresence presence = new InMemoryRoomPresence();
        PostRoadListener listener = new PostRoadListener();
        listener.road = road;
        listener.pool = NODE2;
        listener.presence = new PoolPresence(
                presence,
                new PresenceRelay() {
                    @Override
                    public void entered(String roomUri, Participant participant, boolean manager) {
                        throw new AssertionError("presence from the topic is never relayed again");
                    }

                    @Override
                    public void left(String roomUri, Participant participant) {
                        throw new AssertionError("presence from the topic is never relayed again");
                    }

                    @Override
                    public void hello() {
                        throw new AssertionError();
                    }

                    @Override
                    public void describe(Map<String, Set<Participant>> rooms) {
                        throw new AssertionError();
                    }
                },
                null,
                NODE2);

        listener.onMessage(PostRoadTopic.message(context(), NODE2, POST));
        listener.onMessage(PostRoadTopic.message(context(), NODE1, POST));
        listener.onMessage(mapMessage());
        listener.onMessage(PostRoadTopic.entered(context(), NODE1, ROOM, BOB, false));
        listener.onMessage(
                PostRoadTopic.entered(context(), NODE2, ROOM, new Participant("sip:x@contoso.com", "x"), false));

        assertThat(delivered).containsExactly(POST);
        assertThat(presence.participants(ROOM)).containsExactly(BOB);
        assertThat(presence.participantsHere(ROOM)).isEmpty();
    }
}
