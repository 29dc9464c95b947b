package org.parley.chat.interfaces.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.BOB;
import static org.parley.chat.interfaces.xccos.Fixtures.CAROL;
import static org.parley.chat.interfaces.xccos.Fixtures.DOMAIN;
import static org.parley.chat.interfaces.xccos.Fixtures.GUID_A;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_B;
import static org.parley.chat.interfaces.xccos.Fixtures.participant;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.events.LocalPostRoad;
import org.parley.chat.application.events.PoolSettings;
import org.parley.chat.application.events.RoomPublishOrder;
import org.parley.chat.application.presence.PoolPresence;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;
import org.parley.chat.testing.RecordedPresence;
import org.parley.xccos.ChatMessage;
import org.parley.xccos.DataItem.Affiliation;
import org.parley.xccos.DataItem.ChannelUsers;
import org.parley.xccos.DataItem.UserInfo;
import org.parley.xccos.Notice;
import org.parley.xccos.Outbound;

class RoomFanOutTest {

    private static final Instant STORED = Instant.parse("2024-05-01T12:00:00Z");

    private final InMemoryRoomPresence presence = new InMemoryRoomPresence();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final RecordingDelivery delivery = new RecordingDelivery(() -> events.add("delivered"));
    private final RoomFanOut fanOut = Fixtures.roomFanOut(presence, delivery);

    /** Everyone in the room gets the post, the author included (clients show their own post only from the echo). */
    @Test
    void deliversToEveryParticipantIncludingTheAuthor() {
        aliceAndBobInRoomACarolInRoomB();
        MessageView stored = new MessageView(ROOM_A, 1, ALICE, "hello", STORED.minusSeconds(3), STORED);

        fanOut.posted(stored);

        ChatMessage chat = new ChatMessage(ROOM_A, ALICE, STORED, "hello");
        assertReachedRoomAOnly(chat);
    }

    /**
     * Posts from many threads at once, as the store makes them: numbered one at a time (the room's row lock), their
     * commits completing on as many threads in any order. Through the room's publish order and the road, each
     * participant must receive every post once, in sequence order; this fails if either lets a later post overtake.
     */
    @Test
    void everyParticipantReceivesConcurrentPostsInSequenceOrder() throws Exception {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        presence.enter(ROOM_A, participant(CAROL, "s-carol"));
        RoomPublishOrder order = new RoomPublishOrder();
        LocalPostRoad road = new LocalPostRoad();
        road.subscribe(fanOut::posted);
        Object rowLock = new Object();
        long[] sequence = {0};
        int threads = 8;
        int postsEach = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Void>> posters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                posters.add(CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < postsEach; i++) {
                                long seq;
                                RoomPublishOrder.Place place;
                                synchronized (rowLock) {
                                    seq = ++sequence[0];
                                    place = order.take(ROOM_A);
                                }
                                if (seq % 97 == 0) {
                                    Thread.yield(); // a slow commit: those behind it complete first
                                }
                                MessageView post =
                                        new MessageView(ROOM_A, seq, ALICE, Long.toString(seq), STORED, STORED);
                                place.committed(() -> road.publish(post));
                            }
                        },
                        pool));
            }
            CompletableFuture.allOf(posters.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, (long) threads * postsEach)
                .boxed()
                .toList();
        for (String session : List.of("s-alice", "s-bob", "s-carol")) {
            assertThat(sequenceNumbers(delivery.to(session))).as(session).isEqualTo(expected);
        }
        assertThat(order.waiting(ROOM_A)).isZero();
    }

    /** A post rolled back holds up nobody: the posts numbered after it are published. */
    @Test
    void aRolledBackPostHoldsUpNobody() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        RoomPublishOrder order = new RoomPublishOrder();
        RoomPublishOrder.Place failing = order.take(ROOM_A);
        RoomPublishOrder.Place next = order.take(ROOM_A);

        next.committed(() -> fanOut.posted(new MessageView(ROOM_A, 1, ALICE, "1", STORED, STORED)));
        assertThat(delivery.to("s-alice"))
                .as("waits for the one numbered before it")
                .isEmpty();
        failing.rolledBack();

        assertThat(sequenceNumbers(delivery.to("s-alice"))).containsExactly(1L);
    }

    /** A post delivered twice (a redelivery in a pool) reaches nobody twice. */
    @Test
    void aPostIsNeverDeliveredTwice() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        MessageView post = new MessageView(ROOM_A, 1, ALICE, "1", STORED, STORED);

        fanOut.posted(post);
        fanOut.posted(post);

        assertThat(sequenceNumbers(delivery.to("s-alice"))).containsExactly(1L);
    }

    /**
     * In a pool a post stored on another node may arrive after a later one stored here. The room's line starts where
     * the store was when someone entered the room here, so the earlier post is awaited and both go out in order;
     * started at the first post seen instead, the line would skip the earlier one as delivered.
     */
    @Test
    void aPostOfAnotherNodeStillOnItsWayIsAwaitedNotSkipped() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        fanOut.storedUpTo(ROOM_A, 4);

        fanOut.posted(new MessageView(ROOM_A, 6, ALICE, "6", STORED, STORED));
        assertThat(delivery.to("s-alice")).as("held for post 5").isEmpty();
        fanOut.posted(new MessageView(ROOM_A, 5, BOB, "5", STORED, STORED));

        assertThat(sequenceNumbers(delivery.to("s-alice"))).containsExactly(5L, 6L);
    }

    /** Entering a room whose line runs already changes nothing: its posts go on in order. */
    @Test
    void enteringARoomWhoseLineRunsChangesNothing() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        fanOut.posted(new MessageView(ROOM_A, 1, ALICE, "1", STORED, STORED));
        fanOut.storedUpTo(ROOM_A, 3);

        fanOut.posted(new MessageView(ROOM_A, 2, ALICE, "2", STORED, STORED));

        assertThat(sequenceNumbers(delivery.to("s-alice"))).containsExactly(1L, 2L);
    }

    /** A post stored by the web services reaches everyone in the room as a grpchat does, the author included. */
    @Test
    void deliversAWebPostLikeAGrpchat() {
        aliceAndBobInRoomACarolInRoomB();

        fanOut.posted(new MessageView(ROOM_A.toUpperCase(java.util.Locale.ROOT), 4, BOB, "[file] a.txt", null, STORED));

        ChatMessage chat = new ChatMessage(ROOM_A.toUpperCase(java.util.Locale.ROOT), BOB, STORED, "[file] a.txt");
        assertReachedRoomAOnly(chat);
    }

    /**
     * A post that arrives before its predecessor (in a pool, from another node's publisher) waits for it: the room
     * gets both in sequence order.
     */
    @Test
    void aPostDoesNotOvertakeItsPredecessor() throws Exception {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        fanOut.posted(new MessageView(ROOM_A, 1, ALICE, "1", STORED, STORED));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Void> third = CompletableFuture.runAsync(
                    () -> fanOut.posted(new MessageView(ROOM_A, 3, ALICE, "3", STORED, STORED)), other);
            fanOut.posted(new MessageView(ROOM_A, 2, BOB, "2", null, STORED));
            third.get(10, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertThat(sequenceNumbers(delivery.to("s-alice"))).containsExactly(1L, 2L, 3L);
    }

    /**
     * A post that never comes holds the room up for a bounded time only, and holds up no thread: the publisher
     * returns at once, the held post goes on when the hold is over; if the missing one comes after all, it is not
     * delivered out of order (it is in the history).
     */
    @Test
    void aMissingPredecessorIsWaitedForABoundedTimeOnATimer() throws Exception {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        java.util.concurrent.CountDownLatch third = new java.util.concurrent.CountDownLatch(2);
        RecordingDelivery counting = new RecordingDelivery(third::countDown);
        RoomFanOut held = Fixtures.roomFanOut(presence, counting);
        held.posted(new MessageView(ROOM_A, 1, ALICE, "1", STORED, STORED));

        long started = System.nanoTime();
        held.posted(new MessageView(ROOM_A, 3, ALICE, "3", STORED, STORED));
        assertThat(sequenceNumbers(counting.to("s-alice")))
                .as("held, the publisher not kept")
                .containsExactly(1L);
        assertThat(third.await(10, TimeUnit.SECONDS))
                .as("released by the timer")
                .isTrue();
        long heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        held.posted(new MessageView(ROOM_A, 2, BOB, "2", null, STORED));

        assertThat(heldMillis).isGreaterThanOrEqualTo(RoomFanOut.HOLD.toMillis() - 50);
        assertThat(sequenceNumbers(counting.to("s-alice"))).containsExactly(1L, 3L);
    }

    /** Posts arriving in any order within the hold reach every session once, in sequence order. */
    @Test
    void postsArrivingOutOfOrderAreDeliveredInOrder() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        fanOut.posted(new MessageView(ROOM_A, 1, ALICE, "1", STORED, STORED));
        for (long seq : new long[] {5, 3, 4, 3, 2}) {
            fanOut.posted(new MessageView(ROOM_A, seq, ALICE, Long.toString(seq), STORED, STORED));
        }
        assertThat(sequenceNumbers(delivery.to("s-alice"))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(sequenceNumbers(delivery.to("s-bob"))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    /** ntc:join goes to the others only, naming the newcomer with the room's GUID and domain under its role key. */
    @Test
    void enteredTellsTheOthersWithTheRoleKey() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));

        fanOut.entered(ROOM_A, participant(ALICE, "s-alice"), false);
        fanOut.entered(ROOM_A, participant(ALICE, "s-alice"), true);

        assertThat(delivery.to("s-bob"))
                .containsExactly(
                        new Notice(
                                Notice.JOIN,
                                List.of(new UserInfo(null, ALICE, List.of(new Affiliation("3984", GUID_A, DOMAIN))))),
                        new Notice(
                                Notice.JOIN,
                                List.of(new UserInfo(null, ALICE, List.of(new Affiliation("12276", GUID_A, DOMAIN))))));
        assertThat(delivery.to("s-alice")).isEmpty();
    }

    /**
     * Newcomers who enter while the room's lane is busy are told in one notice naming them all: a thousand signing
     * in to one room cost each participant a notice per newcomer (n² INFOs). Each newcomer is told of the others
     * who came with it, never of itself.
     */
    @Test
    void newcomersWhileTheLaneIsBusyAreToldInOneNotice() {
        Queue<Runnable> laneWork = new ArrayDeque<>();
        RoomFanOut busy = Fixtures.roomFanOut(presence, delivery, laneWork::add);
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        presence.enter(ROOM_A, participant(CAROL, "s-carol"));

        busy.entered(ROOM_A, participant(BOB, "s-bob"), false);
        busy.entered(ROOM_A, participant(CAROL, "s-carol"), true);
        Runnable work;
        while ((work = laneWork.poll()) != null) {
            work.run();
        }

        UserInfo bob = new UserInfo(null, BOB, List.of(new Affiliation("3984", GUID_A, DOMAIN)));
        UserInfo carol = new UserInfo(null, CAROL, List.of(new Affiliation("12276", GUID_A, DOMAIN)));
        assertThat(delivery.to("s-alice")).containsExactly(new Notice(Notice.JOIN, List.of(bob, carol)));
        assertThat(delivery.to("s-bob")).containsExactly(new Notice(Notice.JOIN, List.of(carol)));
        assertThat(delivery.to("s-carol")).containsExactly(new Notice(Notice.JOIN, List.of(bob)));
    }

    @Test
    void leftTellsThoseWhoStay() {
        presence.enter(ROOM_A, participant(BOB, "s-bob"));

        fanOut.left(ROOM_A, participant(ALICE, "s-alice"));

        assertThat(delivery.all())
                .containsExactly(new RecordingDelivery.Delivered(
                        "s-bob",
                        new Notice(Notice.PART, List.of(new ChannelUsers(ROOM_A, List.of(UserInfo.of(ALICE)))))));
    }

    /**
     * A participant who may no longer read the room is taken out of it: they get ntc:part naming themselves,
     * those who stay get ntc:part, and the room's next post reaches the others only.
     */
    @Test
    void anEvictedParticipantIsToldAndGetsNoMorePosts() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        Notice bobLeft = new Notice(Notice.PART, List.of(new ChannelUsers(ROOM_A, List.of(UserInfo.of(BOB)))));

        assertThat(fanOut.evict(ROOM_A, participant(BOB, "s-bob"))).isTrue();
        fanOut.posted(new MessageView(ROOM_A, 1, ALICE, "after", STORED, STORED));

        assertThat(delivery.to("s-bob")).containsExactly(bobLeft);
        assertThat(delivery.to("s-alice")).containsExactly(bobLeft, new ChatMessage(ROOM_A, ALICE, STORED, "after"));
        assertThat(presence.isPresent(ROOM_A, "s-bob")).isFalse();
        assertThat(fanOut.evict(ROOM_A, participant(BOB, "s-bob"))).as("once").isFalse();
    }

    /** A user evicted with two clients is announced to the others once, when the last of them goes. */
    @Test
    void aUserWithTwoClientsIsAnnouncedOnceButEachClientIsTold() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        presence.enter(ROOM_A, participant(BOB, "s-bob-phone"));
        Notice bobLeft = new Notice(Notice.PART, List.of(new ChannelUsers(ROOM_A, List.of(UserInfo.of(BOB)))));

        fanOut.evict(ROOM_A, participant(BOB, "s-bob"));
        fanOut.evict(ROOM_A, participant(BOB, "s-bob-phone"));

        assertThat(delivery.to("s-bob")).containsExactly(bobLeft);
        assertThat(delivery.to("s-bob-phone")).containsExactly(bobLeft);
        assertThat(delivery.to("s-alice")).containsExactly(bobLeft);
    }

    /**
     * In a pool, the participants of the other nodes are in the room's lists but are delivered by their own node:
     * a post and a join notice go to the sessions of this node only, and what happens here is told to the others.
     */
    @Test
    void theOtherNodesOfAPoolAreToldAndTheirParticipantsGetNothingFromHere() {
        RecordedPresence relayed = new RecordedPresence();
        fanOut.pool = pool(relayed);
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        fanOut.pool.enteredAt("node2", "i2", ROOM_A, participant(BOB, "s-bob-on-node2"), false);
        presence.enter(ROOM_A, participant(CAROL, "s-carol"));

        fanOut.entered(ROOM_A, participant(CAROL, "s-carol"), true);
        fanOut.posted(new MessageView(ROOM_A, 1, ALICE, "hello", STORED, STORED));

        assertThat(delivery.to("s-alice"))
                .containsExactly(
                        new Notice(
                                Notice.JOIN,
                                List.of(new UserInfo(null, BOB, List.of(new Affiliation("3984", GUID_A, DOMAIN))))),
                        new Notice(
                                Notice.JOIN,
                                List.of(new UserInfo(null, CAROL, List.of(new Affiliation("12276", GUID_A, DOMAIN))))),
                        new ChatMessage(ROOM_A, ALICE, STORED, "hello"));
        assertThat(delivery.to("s-bob-on-node2")).isEmpty();
        assertThat(relayed.lines).containsExactly("entered " + ROOM_A + " s-carol true");
    }

    /** A user leaves a room when its last client leaves it, wherever that client was. */
    @Test
    void aUserStillInTheRoomOnAnotherNodeHasNotLeftIt() {
        RecordedPresence relayed = new RecordedPresence();
        fanOut.pool = pool(relayed);
        fanOut.pool.enteredAt("node2", "i2", ROOM_A, participant(ALICE, "s-alice-on-node2"), false);
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        Notice aliceLeft = new Notice(Notice.PART, List.of(new ChannelUsers(ROOM_A, List.of(UserInfo.of(ALICE)))));

        presence.leave(ROOM_A, participant(ALICE, "s-alice"));
        fanOut.left(ROOM_A, participant(ALICE, "s-alice"));
        assertThat(delivery.to("s-bob")).isEmpty();

        fanOut.pool.membershipChanged(Set.of("node1"), false, false);
        assertThat(delivery.to("s-bob")).containsExactly(aliceLeft);
        assertThat(relayed.lines).containsExactly("left " + ROOM_A + " s-alice");
    }

    private void aliceAndBobInRoomACarolInRoomB() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        presence.enter(ROOM_B, participant(CAROL, "s-carol"));
    }

    /** After {@link #aliceAndBobInRoomACarolInRoomB}: the author included, everyone in room A got it, once. */
    private void assertReachedRoomAOnly(ChatMessage chat) {
        assertThat(delivery.to("s-alice")).containsExactly(chat);
        assertThat(delivery.to("s-bob")).containsExactly(chat);
        assertThat(delivery.to("s-carol")).isEmpty();
    }

    private PoolPresence pool(RecordedPresence relayed) {
        PoolPresence pool = new PoolPresence(presence, relayed, null, new PoolSettings(true, "node1", "i1"));
        pool.watch(fanOut);
        return pool;
    }

    private static List<Long> sequenceNumbers(List<Outbound> received) {
        return received.stream()
                .map(item -> Long.parseLong(((ChatMessage) item).text()))
                .toList();
    }
}
