package org.parley.chat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.dto.EnteredRoom;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.testing.TestRooms;

/**
 * Entering a room in one transaction: the follow, whose first one takes the room's row lock until the commit, is
 * the last step, so that whoever else enters the room or posts to it waits for a short transaction only.
 */
class RoomEntryServiceTest {

    private static final String ALICE = "sip:alice@contoso.com";
    private static final String BOB = "sip:bob@contoso.com";
    private static final String ROOM = "ma-chan://contoso.com/0f3c6a2e-1b7d-4c59-9a8e-2d4b6c8e1f01";

    private final List<String> steps = new ArrayList<>();

    private final RoomService rooms = new RoomService() {
        @Override
        public RoomView join(String actorUri, String roomUri) {
            steps.add("join");
            return TestRooms.devRoom(ROOM, 0);
        }

        @Override
        public Set<String> managersAmong(String actorUri, String roomUri, Collection<String> userUris) {
            steps.add("managers among " + userUris);
            return Set.of(BOB);
        }
    };

    private final FollowService follows = new FollowService() {
        @Override
        public RoomView follow(String userUri, String roomUri) {
            steps.add("follow");
            return TestRooms.devRoom(ROOM, 0);
        }
    };

    private final InvitationService invitations = new InvitationService() {
        @Override
        public void accepted(String userUri, String roomUri) {
            steps.add("invitations settled");
        }
    };

    @Test
    void theFollowAndItsRoomLockComeLast() {
        EnteredRoom entered = new RoomEntryService(rooms, follows, invitations).enter(ALICE, ROOM, List.of(BOB), false);

        assertThat(steps)
                .containsExactly(
                        "join", "managers among [" + BOB + ", " + ALICE + "]", "invitations settled", "follow");
        assertThat(entered.managers()).containsExactly(BOB);
    }
}
