package org.parley.chat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The followers a node remembers per room are the store's after every change, even one made during a read. */
class FollowerIndexTest {

    private static final String ROOM = "ma-chan://contoso.com/0f3c6a2e-1b7d-4c59-9a8e-2d4b6c8e1f01";
    private static final String ALICE = "sip:alice@contoso.com";
    private static final String BOB = "sip:bob@contoso.com";

    private final FollowerIndex index = new FollowerIndex();
    private final List<String> reads = new ArrayList<>();

    @Test
    void aRoomIsReadOnceUntilAFollowOfItChanges() {
        assertThat(index.followers(ROOM, room -> read(List.of(ALICE)))).containsExactly(ALICE);
        assertThat(index.followers(ROOM, room -> read(List.of(BOB)))).containsExactly(ALICE);
        assertThat(reads).hasSize(1);

        index.changed(ROOM);
        assertThat(index.followers(ROOM, room -> read(List.of(ALICE, BOB)))).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(reads).hasSize(2);
    }

    @Test
    void aReadDuringWhichAFollowChangedIsNotKept() {
        // The read saw the store before bob's follow committed; the change arrives before the read is put.
        Set<String> duringChange = index.followers(ROOM, room -> {
            List<String> before = read(List.of(ALICE));
            index.changed(ROOM);
            return before;
        });
        assertThat(duringChange).containsExactly(ALICE);

        assertThat(index.followers(ROOM, room -> read(List.of(ALICE, BOB))))
                .as("read again, not the old followers")
                .containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(reads).hasSize(2);
    }

    private List<String> read(List<String> followers) {
        reads.add(ROOM);
        return followers;
    }
}
