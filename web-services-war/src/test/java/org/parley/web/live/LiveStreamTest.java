package org.parley.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.plugins.providers.sse.SseImpl;
import org.junit.jupiter.api.Test;

class LiveStreamTest {

    private static final String ROOM = "ma-chan://contoso.com/00000000-0000-0000-0000-000000000001";
    private static final String OTHER = "ma-chan://contoso.com/00000000-0000-0000-0000-000000000002";

    private final RecordingSink sink = new RecordingSink();
    /** What the store holds of ROOM, for the gaps a stream fills. */
    private final List<LiveEvent> store = new ArrayList<>();
    /** How often the stream said it ended. */
    private int ended;

    @Test
    void sendsEachPostOnceInTheRoomsOrder() {
        LiveStream stream = caughtUp(Map.of(ROOM, 0L));
        stream.post(ROOM, post(1));
        stream.post(ROOM, post(2));
        stream.post(ROOM, post(2));
        stream.post(ROOM, post(1));
        stream.post(ROOM, post(3));

        assertThat(sink.ids()).containsExactly("r:1", "r:2", "r:3");
    }

    @Test
    void aPostThatOvertookAnEarlierOneOnThePoolsTopicWaitsForItFromTheStore() {
        LiveStream stream = caughtUp(Map.of(ROOM, 0L));
        store.addAll(List.of(post(1), post(2), post(3), post(4)));
        stream.post(ROOM, post(1));
        stream.post(ROOM, post(4));
        stream.post(ROOM, post(2));
        stream.post(ROOM, post(3));

        assertThat(sink.ids()).containsExactly("r:1", "r:2", "r:3", "r:4");
    }

    @Test
    void whatWasMissedComesFirstThenTheLivePostsHeldMeanwhileWithoutRepeats() {
        LiveStream stream = new LiveStream(
                "sip:bob@contoso.com",
                "web:test",
                Map.of(ROOM, 4L),
                sink,
                new SseImpl(),
                Runnable::run,
                this::stored,
                () -> ended++);
        // Live posts while the history is read: 6 is also in the history, 7 is not yet.
        stream.post(ROOM, post(6));
        stream.post(ROOM, post(7));
        assertThat(sink.ids()).as("nothing before the catching up").isEmpty();

        stream.catchUp(Map.of(ROOM, List.of(post(5), post(6))));
        stream.post(ROOM, post(8));

        assertThat(sink.ids()).containsExactly("r:5", "r:6", "r:7", "r:8");
    }

    @Test
    void postsOfRoomsNotWatchedAndOfAClosedRoomAreNotSent() {
        LiveStream stream = caughtUp(Map.of(ROOM, 0L, OTHER, 0L));
        stream.post(ROOM, post(1));
        stream.close(ROOM, new LiveEvent(null, "closed", "{}", 0));
        stream.post(ROOM, post(2));
        stream.post("ma-chan://contoso.com/00000000-0000-0000-0000-000000000003", post(1));
        stream.post(OTHER, post(9));

        assertThat(sink.names()).containsExactly("post", "closed", "post");
        assertThat(sink.ids()).containsExactly("r:1", null, "r:9");
        assertThat(stream.watches(ROOM)).isFalse();
    }

    @Test
    void aClientThatFallsBehindIsClosedAndNobodyWaitsForIt() {
        sink.completeWrites = false;
        LiveStream stream = caughtUp(Map.of(ROOM, 0L));
        // The first write never completes; the queue fills behind it.
        for (int seq = 1; seq <= LiveStream.MAX_QUEUED + 1; seq++) {
            stream.post(ROOM, post(seq));
        }
        assertThat(stream.isClosed()).isFalse();

        stream.post(ROOM, post(LiveStream.MAX_QUEUED + 2));

        assertThat(stream.isClosed()).isTrue();
        assertThat(sink.closed).isTrue();
        assertThat(sink.sent).hasSize(1);
        stream.end();
        assertThat(ended).as("the end is told once").isEqualTo(1);
    }

    @Test
    void aFailedWriteEndsTheStream() {
        LiveStream stream = caughtUp(Map.of(ROOM, 0L));
        sink.failWrites = true;
        stream.post(ROOM, post(1));

        assertThat(stream.isClosed()).isTrue();
        stream.post(ROOM, post(2));
        assertThat(sink.sent).hasSize(1);
    }

    private LiveStream caughtUp(Map<String, Long> rooms) {
        LiveStream stream = new LiveStream(
                "sip:bob@contoso.com",
                "web:test",
                rooms,
                sink,
                new SseImpl(),
                Runnable::run,
                this::stored,
                () -> ended++);
        stream.catchUp(Map.of());
        return stream;
    }

    private List<LiveEvent> stored(String user, String room, long after, long before) {
        return store.stream()
                .filter(post -> post.seq() > after && post.seq() < before)
                .toList();
    }

    private static LiveEvent post(long seq) {
        return new LiveEvent("r:" + seq, "post", "{\"seq\":" + seq + "}", seq);
    }
}
