package org.parley.chat.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.events.LocalPostRoad;
import org.parley.chat.application.events.PoolSettings;

class PostRoadTopicTest {

    private static final MessageView POST = new MessageView("ma-chan://contoso.com/3f0c", 42,
            "sip:alice@contoso.com", "<b>&amp; \u00e9t\u00e9 \ud83d\ude00", Instant.parse("2026-12-06T02:00:00.123Z"),
            Instant.parse("2026-12-06T02:00:00.456789Z"));

    /** A MapMessage as a broker keeps one: names to values, properties apart. */
    static MapMessage mapMessage() {
        Map<String, Object> body = new HashMap<>();
        Map<String, Object> properties = new HashMap<>();
        return (MapMessage) Proxy.newProxyInstance(MapMessage.class.getClassLoader(), new Class<?>[] {MapMessage.class},
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
        return (JMSContext) Proxy.newProxyInstance(JMSContext.class.getClassLoader(), new Class<?>[] {JMSContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createMapMessage")) {
                        return mapMessage();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aPostCrossesTheTopicUnchangedWithItsOrigin() throws Exception {
        MapMessage message = PostRoadTopic.message(context(), "node1", POST);

        assertThat(PostRoadTopic.origin(message)).isEqualTo("node1");
        assertThat(PostRoadTopic.post(message)).isEqualTo(POST);
    }

    @Test
    void aPostWithoutAClientTimeCrossesToo() throws Exception {
        MessageView post = new MessageView(POST.roomUri(), 1, POST.author(), "x", null, POST.serverTime());

        assertThat(PostRoadTopic.post(PostRoadTopic.message(context(), "node2", post))).isEqualTo(post);
    }

    @Test
    void aMessageThatIsNotAPostIsRefused() {
        Message text = (TextMessage) Proxy.newProxyInstance(TextMessage.class.getClassLoader(),
                new Class<?>[] {TextMessage.class}, (proxy, method, args) -> "ID:other");

        assertThatThrownBy(() -> PostRoadTopic.post(text)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostRoadTopic.post(mapMessage())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNodeDeliversThePostsOfTheOthersAndSkipsItsOwn() throws Exception {
        List<MessageView> delivered = new ArrayList<>();
        LocalPostRoad road = new LocalPostRoad(post -> {
            throw new AssertionError("a post from the topic is never relayed again");
        });
        road.subscribe(delivered::add);
        PostRoadListener listener = new PostRoadListener();
        listener.road = road;
        listener.pool = new PoolSettings(true, "node2");

        listener.onMessage(PostRoadTopic.message(context(), "node2", POST));
        listener.onMessage(PostRoadTopic.message(context(), "node1", POST));
        listener.onMessage(mapMessage());

        assertThat(delivered).containsExactly(POST);
    }
}
