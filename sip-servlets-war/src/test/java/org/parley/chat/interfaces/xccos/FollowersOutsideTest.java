package org.parley.chat.interfaces.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.BOB;
import static org.parley.chat.interfaces.xccos.Fixtures.CAROL;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_B;
import static org.parley.chat.interfaces.xccos.Fixtures.participant;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.parley.chat.application.FollowService;
import org.parley.chat.application.FollowerIndex;
import org.parley.chat.infrastructure.presence.InMemoryOnlineClients;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;

/** The sessions told about a room's posts follow sign-in, sign-out, join, part, follow and unfollow. */
@ExtendWith(MockitoExtension.class)
class FollowersOutsideTest {

    @Mock
    FollowService follows;

    private final FollowerIndex followerIndex = new FollowerIndex();
    private final InMemoryOnlineClients online = new InMemoryOnlineClients();
    private final InMemoryRoomPresence presence = new InMemoryRoomPresence();

    private FollowersOutside outside() {
        return Fixtures.followersOutside(follows, followerIndex, online, presence);
    }

    @Test
    void onlineFollowersNotInTheRoomAreTold() {
        when(follows.followers(ROOM_A)).thenReturn(List.of(ALICE, BOB));
        online.connected(ALICE, "s-alice");
        online.connected(BOB, "s-bob");
        online.connected(CAROL, "s-carol");
        presence.enter(ROOM_A, participant(BOB, "s-bob"));

        assertThat(outside().of(ROOM_A)).isEqualTo(Map.of("s-alice", ALICE));
    }

    @Test
    void signInSignOutJoinAndPartKeepItUpToDateWithoutReading() {
        when(follows.followers(ROOM_A)).thenReturn(List.of(ALICE, BOB));
        FollowersOutside outside = outside();
        assertThat(outside.of(ROOM_A)).isEmpty();

        online.connected(ALICE, "s-alice");
        outside.signedIn(ALICE, "s-alice");
        online.connected(CAROL, "s-carol");
        outside.signedIn(CAROL, "s-carol");
        assertThat(outside.of(ROOM_A)).as("signed in; carol follows not").isEqualTo(Map.of("s-alice", ALICE));

        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        outside.entered(ROOM_A, "s-alice");
        assertThat(outside.of(ROOM_A)).as("joined").isEmpty();

        presence.leave(ROOM_A, participant(ALICE, "s-alice"));
        outside.left(ROOM_A, ALICE, "s-alice");
        assertThat(outside.of(ROOM_A)).as("parted").isEqualTo(Map.of("s-alice", ALICE));

        online.disconnected(ALICE, "s-alice");
        outside.signedOut(ALICE, "s-alice");
        assertThat(outside.of(ROOM_A)).as("signed out").isEmpty();

        online.disconnected(CAROL, "s-carol");
        outside.left(ROOM_A, CAROL, "s-carol");
        assertThat(outside.of(ROOM_A)).as("a session already gone is not told").isEmpty();
        verify(follows, times(1)).followers(ROOM_A);
    }

    @Test
    void aFollowOrUnfollowReadsTheRoomAgain() {
        when(follows.followers(ROOM_A)).thenReturn(List.of(ALICE), List.of(ALICE, CAROL), List.of(CAROL));
        online.connected(ALICE, "s-alice");
        online.connected(CAROL, "s-carol");
        FollowersOutside outside = outside();
        assertThat(outside.of(ROOM_A)).isEqualTo(Map.of("s-alice", ALICE));

        followerIndex.changed(ROOM_A);
        assertThat(outside.of(ROOM_A)).as("carol followed").isEqualTo(Map.of("s-alice", ALICE, "s-carol", CAROL));

        followerIndex.changed(ROOM_A);
        assertThat(outside.of(ROOM_A)).as("alice unfollowed").isEqualTo(Map.of("s-carol", CAROL));
        outside.signedIn(ALICE, "s-alice-2");
        assertThat(outside.of(ROOM_A)).isEqualTo(Map.of("s-carol", CAROL));
    }

    @Test
    void readingARoomsFollowersHoldsUpNoOtherRoom() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(follows.followers(ROOM_A)).thenAnswer(call -> {
            reading.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return List.of(ALICE);
        });
        FollowersOutside outside = outside();
        online.connected(ALICE, "s-alice");
        ExecutorService post = Executors.newSingleThreadExecutor();
        try {
            Future<Map<String, String>> told = post.submit(() -> outside.of(ROOM_A));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

            // While the store is read for room A, a sign-in and a join elsewhere go through.
            CompletableFuture<Void> others = CompletableFuture.runAsync(() -> {
                online.connected(BOB, "s-bob");
                outside.signedIn(BOB, "s-bob");
                outside.entered(ROOM_B, "s-bob");
            });
            others.get(10, TimeUnit.SECONDS);

            release.countDown();
            assertThat(told.get(10, TimeUnit.SECONDS)).isEqualTo(Map.of("s-alice", ALICE));
        } finally {
            release.countDown();
            post.shutdownNow();
        }
    }

    @Test
    void followersReadWhileAFollowChangedAreReadAgainNextTime() {
        when(follows.followers(ROOM_A))
                .thenAnswer(call -> {
                    // Carol's follow commits while this read is under way; the read saw the store before it.
                    followerIndex.changed(ROOM_A);
                    return List.of(ALICE);
                })
                .thenReturn(List.of(ALICE, CAROL));
        online.connected(ALICE, "s-alice");
        online.connected(CAROL, "s-carol");
        FollowersOutside outside = outside();

        assertThat(outside.of(ROOM_A)).as("this post: the read as it was").isEqualTo(Map.of("s-alice", ALICE));
        assertThat(outside.of(ROOM_A)).as("the next: read again").isEqualTo(Map.of("s-alice", ALICE, "s-carol", CAROL));
        verify(follows, times(2)).followers(ROOM_A);
    }
}
