package org.parley.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.concurrent.ManagedExecutorService;

import org.jboss.resteasy.plugins.providers.sse.SseImpl;
import org.junit.jupiter.api.Test;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.events.RoomChange;
import org.parley.chat.application.occupancy.RoomEntry;
import org.parley.chat.application.occupancy.RoomOccupancy;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;

/** What LiveStreams does over all its streams: room changes told to those concerned, closed streams dropped. */
class LiveStreamsTest {

    private static final String CATEGORY = "ma-cat://contoso.com/00000000-0000-0000-0000-0000000000c1";
    private static final String INSIDE = "ma-chan://contoso.com/00000000-0000-0000-0000-000000000001";
    private static final String ALSO_INSIDE = "ma-chan://contoso.com/00000000-0000-0000-0000-000000000002";
    private static final String OUTSIDE = "ma-chan://contoso.com/00000000-0000-0000-0000-000000000003";

    private final Rooms rooms = new Rooms();
    private final LiveStreams live = new LiveStreams();

    LiveStreamsTest() {
        live.rooms = rooms;
        live.occupancy = new RoomOccupancy() {
            @Override
            public RoomEntry enter(Participant participant, String roomUri) {
                return null;
            }

            @Override
            public boolean leave(Participant participant, String roomUri) {
                return true;
            }
        };
        // Writes happen on the caller's thread, so what a stream is sent is there when the call returns.
        live.writer = (ManagedExecutorService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        ((Runnable) args[0]).run();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aCategorysChangeIsToldForTheWatchedRoomsInItReadingEachRoomOnce() {
        RecordingSink bob = open("sip:bob@contoso.com", INSIDE, OUTSIDE);
        RecordingSink carol = open("sip:carol@contoso.com", INSIDE, ALSO_INSIDE);
        rooms.reads.clear();

        live.roomChanged(RoomChange.ofCategory(CATEGORY));

        assertThat(bob.told("room")).containsExactly(INSIDE);
        assertThat(carol.told("room")).containsExactlyInAnyOrder(INSIDE, ALSO_INSIDE);
        assertThat(rooms.reads)
                .containsOnlyKeys(INSIDE, ALSO_INSIDE, OUTSIDE)
                .allSatisfy((room, reads) -> assertThat(reads).as(room).isEqualTo(1));
    }

    @Test
    void aRoomsChangeIsToldToItsStreamsWithoutReadingIt() {
        RecordingSink bob = open("sip:bob@contoso.com", INSIDE, OUTSIDE);
        rooms.reads.clear();

        live.roomChanged(RoomChange.ofRoom(OUTSIDE));

        assertThat(bob.told("room")).containsExactly(OUTSIDE);
        assertThat(rooms.reads).isEmpty();
    }

    @Test
    void aClosedStreamIsEndedAndDroppedByTheNextPost() {
        RecordingSink bob = open("sip:bob@contoso.com", INSIDE);
        RecordingSink carol = open("sip:carol@contoso.com", INSIDE);
        bob.closed = true;

        live.posted(new MessageView(INSIDE, 1, "sip:alice@contoso.com", "hello", null, Instant.EPOCH));

        assertThat(live.streams()).isEqualTo(1);
        assertThat(carol.told("post")).containsExactly(INSIDE);
        assertThat(bob.told("post")).isEmpty();
    }

    private RecordingSink open(String user, String... watched) {
        RecordingSink sink = new RecordingSink();
        Map<String, Long> afterByRoom = new HashMap<>();
        for (String room : watched) {
            afterByRoom.put(room, 0L);
        }
        live.open(user, null, afterByRoom, sink, new SseImpl());
        return sink;
    }

    /** INSIDE and ALSO_INSIDE are in CATEGORY, OUTSIDE is not; counts how often each room is read. */
    private static final class Rooms extends RoomService {
        final Map<String, Integer> reads = new HashMap<>();

        @Override
        public Optional<RoomView> current(String roomUri) {
            reads.merge(roomUri, 1, Integer::sum);
            String category =
                    roomUri.equals(OUTSIDE) ? "ma-cat://contoso.com/00000000-0000-0000-0000-0000000000c2" : CATEGORY;
            return Optional.of(new RoomView(
                    roomUri,
                    "room",
                    null,
                    null,
                    Privacy.OPEN,
                    RoomType.NORMAL,
                    InvitationSetting.INHERIT,
                    false,
                    category,
                    "category",
                    true,
                    true,
                    true,
                    0,
                    1,
                    null,
                    null));
        }

        @Override
        public Map<String, Set<String>> mayNoLongerRead(Map<String, Set<String>> usersByRoom, String categoryUri) {
            return Map.of();
        }
    }
}
