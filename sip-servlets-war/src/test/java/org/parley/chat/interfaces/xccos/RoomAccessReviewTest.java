package org.parley.chat.interfaces.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.never;
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
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.events.AccessChange;
import org.parley.chat.infrastructure.presence.InMemoryOnlineClients;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;
import org.parley.xccos.DataItem.ChannelUsers;
import org.parley.xccos.DataItem.UserInfo;
import org.parley.xccos.Notice;

@ExtendWith(MockitoExtension.class)
class RoomAccessReviewTest {

    private static final String CATEGORY = "ma-cat://contoso.com/5e0c9a3a-0000-4000-8000-000000000001";

    @Mock
    RoomService rooms;

    private final InMemoryRoomPresence presence = new InMemoryRoomPresence();
    private final InMemoryOnlineClients online = new InMemoryOnlineClients();
    private final RecordingDelivery delivery = new RecordingDelivery(() -> {});
    private final RoomAccessReview review = new RoomAccessReview();

    @BeforeEach
    void wire() {
        review.presence = presence;
        review.online = online;
        review.rooms = rooms;
        review.fanOut = Fixtures.roomFanOut(presence, delivery);
        online.connected(ALICE, "s-alice");
        online.connected(BOB, "s-bob");
        online.connected(CAROL, "s-carol");
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        presence.enter(ROOM_B, participant(BOB, "s-bob"));
        presence.enter(ROOM_B, participant(CAROL, "s-carol"));
    }

    private static Notice part(String room, String user) {
        return new Notice(Notice.PART, List.of(new ChannelUsers(room, List.of(UserInfo.of(user)))));
    }

    /** A room's change re-checks that room's participants, once, and evicts whom the read rule refuses. */
    @Test
    void aRoomChangeEvictsWhoMayNoLongerReadIt() {
        when(rooms.mayNoLongerRead(Map.of(ROOM_A, Set.of(ALICE, BOB)), null)).thenReturn(Map.of(ROOM_A, Set.of(BOB)));

        review.changed(AccessChange.ofRoom(ROOM_A));

        assertThat(presence.participants(ROOM_A)).containsExactly(participant(ALICE, "s-alice"));
        assertThat(presence.isPresent(ROOM_B, "s-bob"))
                .as("other rooms untouched")
                .isTrue();
        assertThat(delivery.to("s-bob")).containsExactly(part(ROOM_A, BOB));
        assertThat(delivery.to("s-alice")).containsExactly(part(ROOM_A, BOB));
        verify(rooms).leave(BOB, ROOM_A);
    }

    /** A user's change (their policy, their groups) re-checks only that user, in every room they are in. */
    @Test
    void aUserChangeLooksAtThatUsersSessionsOnly() {
        when(rooms.mayNoLongerRead(Map.of(ROOM_A, Set.of(BOB), ROOM_B, Set.of(BOB)), null))
                .thenReturn(Map.of(ROOM_A, Set.of(BOB), ROOM_B, Set.of(BOB)));

        review.changed(AccessChange.ofUser(BOB));

        assertThat(presence.roomsOf("s-bob")).isEmpty();
        assertThat(delivery.to("s-bob")).containsExactlyInAnyOrder(part(ROOM_A, BOB), part(ROOM_B, BOB));
        assertThat(delivery.to("s-carol")).containsExactly(part(ROOM_B, BOB));
    }

    /** A category's change re-checks every room here; the service looks only at the category's rooms. */
    @Test
    void aCategoryChangeAsksAboutEveryRoomWithItsCategory() {
        when(rooms.mayNoLongerRead(Map.of(ROOM_A, Set.of(ALICE, BOB), ROOM_B, Set.of(BOB, CAROL)), CATEGORY))
                .thenReturn(Map.of(ROOM_B, Set.of(CAROL)));

        review.changed(AccessChange.ofCategory(CATEGORY));

        assertThat(presence.participants(ROOM_B)).containsExactly(participant(BOB, "s-bob"));
        assertThat(delivery.to("s-carol")).containsExactly(part(ROOM_B, CAROL));
        assertThat(presence.participants(ROOM_A)).hasSize(2);
    }

    /** Nobody online here in the room: nothing to ask. */
    @Test
    void aRoomNobodyIsInCostsNothing() {
        review.changed(AccessChange.ofRoom("ma-chan://contoso.com/1a2b3c4d-0000-4000-8000-0000000000ff"));

        verify(rooms, never()).mayNoLongerRead(anyMap(), any());
        assertThat(delivery.all()).isEmpty();
    }
}
