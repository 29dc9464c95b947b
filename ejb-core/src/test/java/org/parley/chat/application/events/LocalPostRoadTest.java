package org.parley.chat.application.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.dto.MessageView;

class LocalPostRoadTest {

    private static MessageView post(long seq) {
        return new MessageView(
                "ma-chan://contoso.com/room",
                seq,
                "sip:alice@contoso.com",
                "hello " + seq,
                null,
                Instant.parse("2026-12-06T02:00:00Z"));
    }

    @Test
    void aPostStoredHereReachesThisNodesSubscribersThenTheOtherNodes() {
        List<String> seen = new ArrayList<>();
        LocalPostRoad road = new LocalPostRoad(post -> seen.add("relay " + post.seq()));
        road.subscribe(post -> seen.add("fan-out " + post.seq()));
        road.subscribe(post -> seen.add("notices " + post.seq()));

        road.publish(post(1));
        road.publish(post(2));

        assertThat(seen).containsExactly("fan-out 1", "notices 1", "relay 1", "fan-out 2", "notices 2", "relay 2");
    }

    @Test
    void aPostFromAnotherNodeIsDeliveredHereAndNeverRelayedAgain() {
        List<String> seen = new ArrayList<>();
        LocalPostRoad road = new LocalPostRoad(post -> seen.add("relay " + post.seq()));
        road.subscribe(post -> seen.add("fan-out " + post.seq()));

        road.received(post(7));

        assertThat(seen).containsExactly("fan-out 7");
    }

    @Test
    void aFailingSubscriberStopsNeitherTheOthersNorTheRelay() {
        List<String> seen = new ArrayList<>();
        LocalPostRoad road = new LocalPostRoad(post -> seen.add("relay " + post.seq()));
        road.subscribe(post -> {
            throw new IllegalStateException("broken subscriber");
        });
        road.subscribe(post -> seen.add("notices " + post.seq()));

        road.publish(post(3));

        assertThat(seen).containsExactly("notices 3", "relay 3");
    }

    @Test
    void oneNodeRelaysNothing() {
        List<String> seen = new ArrayList<>();
        LocalPostRoad road = new LocalPostRoad(null);
        road.subscribe(post -> seen.add("fan-out " + post.seq()));

        road.publish(post(1));

        assertThat(seen).containsExactly("fan-out 1");
    }
}
