package org.parley.chat.interfaces.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE_CLIENT;
import static org.parley.chat.interfaces.xccos.Fixtures.BOB;
import static org.parley.chat.interfaces.xccos.Fixtures.CAROL;
import static org.parley.chat.interfaces.xccos.Fixtures.DAVE;
import static org.parley.chat.interfaces.xccos.Fixtures.REF;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;
import static org.parley.chat.interfaces.xccos.Fixtures.participant;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.parley.chat.application.FollowService;
import org.parley.chat.application.FollowerIndex;
import org.parley.chat.application.PostRequest;
import org.parley.chat.application.PostWriter;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.dto.PostedMessage;
import org.parley.chat.application.events.LocalPostRoad;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.ChatException.Reason;
import org.parley.chat.infrastructure.presence.InMemoryOnlineClients;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;
import org.parley.xccos.ChatMessage;
import org.parley.xccos.Notice;
import org.parley.xccos.Post;

@ExtendWith(MockitoExtension.class)
class PostHandlerTest {

    private static final Instant CLIENT_TIME = Instant.parse("2024-05-01T12:34:56Z");
    private static final Instant SERVER_TIME = Instant.parse("2024-05-01T12:34:57.250Z");

    @Mock
    PostWriter posts;

    @Mock
    FollowService follows;

    private final InMemoryRoomPresence presence = new InMemoryRoomPresence();
    private final InMemoryOnlineClients online = new InMemoryOnlineClients();
    private final List<String> events = new ArrayList<>();
    private final RecordingDelivery delivery = new RecordingDelivery(() -> events.add("delivered"));
    private final PostHandler handler = new PostHandler();
    private final LocalPostRoad road = new LocalPostRoad();
    private final FollowerIndex followerIndex = new FollowerIndex();

    @BeforeEach
    void wire() {
        NewContentNotices newContent = new NewContentNotices();
        newContent.follows = follows;
        newContent.delivery = delivery;
        newContent.clock = Clock.fixed(SERVER_TIME, ZoneOffset.UTC);
        newContent.outside = Fixtures.followersOutside(follows, followerIndex, online, presence);
        newContent.executor = Runnable::run;
        handler.posts = posts;
        handler.presence = presence;
        // The road as PostRoadSubscriptions wires it: the handler stores, the road delivers.
        RoomFanOut fanOut = Fixtures.roomFanOut(presence, delivery);
        road.subscribe(fanOut::posted);
        road.subscribe(newContent::posted);
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
    }

    /** The post is stored as the authenticated user, then echoed from the road to everyone in the room, the author included. */
    @Test
    void storesThePostAndDeliversItToEveryoneInTheRoom() {
        storing(1, "hello");

        MessageView message = handler.handle(post(ALICE, "hello"), ALICE_CLIENT, () -> {});

        assertThat(message.seq()).isEqualTo(1);
        // The server's time replaces the client's (docs/protocol/xccos.md §7.8 allows it; the store decides).
        ChatMessage chat = new ChatMessage(ROOM_A, ALICE, SERVER_TIME, "hello");
        assertThat(delivery.to("s-alice")).containsExactly(chat);
        assertThat(delivery.to("s-bob")).containsExactly(chat);
    }

    @Test
    void successivePostsArriveInOrder() {
        storing(1, "one");
        storing(2, "two");
        storing(3, "three");

        for (String text : List.of("one", "two", "three")) {
            handler.handle(post(ALICE, text), ALICE_CLIENT, () -> {});
        }

        for (String session : List.of("s-alice", "s-bob")) {
            assertThat(delivery.to(session))
                    .as(session)
                    .extracting(item -> ((ChatMessage) item).text())
                    .containsExactly("one", "two", "three");
        }
    }

    @Test
    void acceptedRunsAfterTheStoreAndBeforeAnyDelivery() {
        storing(1, "hello", () -> events.add("stored"));

        handler.handle(post(ALICE, "hello"), ALICE_CLIENT, () -> events.add("accepted"));

        assertThat(events).containsExactly("stored", "accepted", "delivered", "delivered");
    }

    /** A post the service refuses (too large, room disabled, ...) reaches nobody and is not accepted. */
    @Test
    void aRefusedPostDeliversNothing() {
        when(posts.post(aliceInRoomA("hello")))
                .thenThrow(new ChatException(Reason.TOO_LARGE, "a message is limited to 4096 characters"));

        assertThatThrownBy(() -> handler.handle(post(ALICE, "hello"), ALICE_CLIENT, () -> events.add("accepted")))
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).reason())
                .isEqualTo(Reason.TOO_LARGE);

        assertThat(events).isEmpty();
        assertThat(delivery.all()).isEmpty();
    }

    /** Identity comes from the SIP layer, never from the body: a post in someone else's name is refused unstored. */
    @Test
    void aPostInSomeoneElsesNameIsRefused() {
        assertThatThrownBy(() -> handler.handle(post(BOB, "I am bob"), ALICE_CLIENT, () -> events.add("accepted")))
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).reason())
                .isEqualTo(Reason.FORBIDDEN);

        verify(posts, never()).post(any());
        assertThat(events).isEmpty();
        assertThat(delivery.all()).isEmpty();
    }

    /** The identity step lower-cases the user; SIPE writes the author as the account was typed. */
    @Test
    void theAuthorIsComparedIgnoringCase() {
        storing(1, "hello");

        handler.handle(post("sip:Alice@Contoso.com", "hello"), ALICE_CLIENT, () -> {});

        assertThat(delivery.to("s-bob")).hasSize(1);
    }

    @Test
    void aPostToARoomNotJoinedIsRefused() {
        ChatClient carol = new ChatClient(CAROL, ALICE_CLIENT.endpointUri(), "s-carol");

        assertThatThrownBy(() -> handler.handle(post(CAROL, "let me in"), carol, () -> events.add("accepted")))
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).reason())
                .isEqualTo(Reason.FORBIDDEN);

        verify(posts, never()).post(any());
        assertThat(delivery.all()).isEmpty();
    }

    /** Joined means this session joined: the user's other client being in the room is not enough. */
    @Test
    void anotherSessionOfTheSameUserBeingInTheRoomIsNotEnough() {
        ChatClient alicePhone = new ChatClient(ALICE, ALICE_CLIENT.endpointUri(), "s-alice-phone");

        assertThatThrownBy(() -> handler.handle(post(ALICE, "from my phone"), alicePhone, () -> {}))
                .isInstanceOf(ChatException.class);
        assertThat(delivery.all()).isEmpty();
    }

    /** Followers who are online but not in the room hear of the post by a notice, not by the message. */
    @Test
    void followersOutsideTheRoomGetANewContentNotice() {
        online.connected(CAROL, "s-carol");
        online.connected(BOB, "s-bob");
        when(follows.followers(ROOM_A)).thenReturn(List.of(BOB, CAROL));
        when(follows.readers(ROOM_A, Set.of(CAROL))).thenReturn(Set.of(CAROL));
        storing(7, "hello");

        handler.handle(post(ALICE, "hello"), ALICE_CLIENT, () -> {});

        assertThat(delivery.to("s-carol")).singleElement().isInstanceOfSatisfying(Notice.class, notice -> assertThat(
                        notice.id())
                .isEqualTo(Notice.NEW_CONTENT));
        // Bob is in the room: the message itself, nothing more.
        assertThat(delivery.to("s-bob")).containsExactly(new ChatMessage(ROOM_A, ALICE, SERVER_TIME, "hello"));
    }

    /**
     * A follower who may no longer read the room (a former member of a secret room, say) gets no notice: the
     * read rule is asked once, for the followers due a notice only.
     */
    @Test
    void followersWhoMayNoLongerReadTheRoomGetNoNotice() {
        online.connected(CAROL, "s-carol");
        online.connected(DAVE, "s-dave");
        when(follows.followers(ROOM_A)).thenReturn(List.of(CAROL, DAVE));
        when(follows.readers(ROOM_A, Set.of(CAROL, DAVE))).thenReturn(Set.of(DAVE));
        storing(8, "hello");

        handler.handle(post(ALICE, "hello"), ALICE_CLIENT, () -> {});

        assertThat(delivery.to("s-carol")).isEmpty();
        assertThat(delivery.to("s-dave")).singleElement().isInstanceOfSatisfying(Notice.class, notice -> assertThat(
                        notice.id())
                .isEqualTo(Notice.NEW_CONTENT));
    }

    /** Nobody due a notice (all in the room): the read rule is not asked at all, the post costs no more. */
    @Test
    void noNoticeDueAsksNothing() {
        online.connected(BOB, "s-bob");
        when(follows.followers(ROOM_A)).thenReturn(List.of(BOB));
        storing(9, "hello");

        handler.handle(post(ALICE, "hello"), ALICE_CLIENT, () -> {});

        verify(follows, never()).readers(anyString(), anyCollection());
    }

    /**
     * A post's cost does not grow with its room's followers by queries: the followers are read from the store once
     * per room, and again only after a follow of the room started or ended.
     */
    @Test
    void followersAreReadOncePerRoomNotOncePerPost() {
        when(follows.followers(ROOM_A)).thenReturn(List.of(BOB));
        storing(1, "one");
        storing(2, "two");
        storing(3, "three");

        handler.handle(post(ALICE, "one"), ALICE_CLIENT, () -> {});
        handler.handle(post(ALICE, "two"), ALICE_CLIENT, () -> {});
        verify(follows, times(1)).followers(ROOM_A);

        followerIndex.changed(ROOM_A);
        handler.handle(post(ALICE, "three"), ALICE_CLIENT, () -> {});
        verify(follows, times(2)).followers(ROOM_A);
    }

    private static Post post(String author, String text) {
        return new Post(REF, ROOM_A, author, CLIENT_TIME, text);
    }

    private void storing(long seq, String text) {
        storing(seq, text, () -> {});
    }

    /** The post service as it behaves: stores, runs the caller's "stored" work after the commit, publishes. */
    private void storing(long seq, String text, Runnable store) {
        when(posts.post(aliceInRoomA(text))).thenAnswer(call -> {
            store.run();
            PostedMessage posted =
                    new PostedMessage(new MessageView(ROOM_A, seq, ALICE, text, CLIENT_TIME, SERVER_TIME), true);
            call.<PostRequest>getArgument(0).stored().run();
            road.publish(posted.message());
            return posted;
        });
    }

    /** Alice's post of {@code text} to room A, as the handler hands it to the writer. */
    private static PostRequest aliceInRoomA(String text) {
        return argThat(request -> request != null
                && request.authorUri().equals(ALICE)
                && request.roomUri().equals(ROOM_A)
                && request.text().equals(text)
                && CLIENT_TIME.equals(request.clientTime()));
    }
}
