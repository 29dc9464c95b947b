package org.parley.chat.interfaces.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.BOB;
import static org.parley.chat.interfaces.xccos.Fixtures.CAROL;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_B;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_C;
import static org.parley.chat.interfaces.xccos.Fixtures.participant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.events.RoomChange;
import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;
import org.parley.xccos.ChatMessage;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.DataItem.Property;
import org.parley.xccos.Notice;
import org.parley.xccos.Outbound;

@ExtendWith(MockitoExtension.class)
class RoomChangeNoticesTest {

    private static final String CATEGORY = "ma-cat://contoso.com/5e0c9a3a-0000-4000-8000-000000000001";
    private static final String OTHER_CATEGORY = "ma-cat://contoso.com/5e0c9a3a-0000-4000-8000-000000000002";
    private static final Instant STORED = Instant.parse("2024-05-01T12:00:00Z");

    @Mock
    RoomService rooms;

    private final InMemoryRoomPresence presence = new InMemoryRoomPresence();
    private final RecordingDelivery delivery = new RecordingDelivery();
    /** The lanes' work, run when the test says: what is queued before a change must be sent before it. */
    private final List<Runnable> laneWork = new ArrayList<>();

    private final RoomFanOut fanOut = Fixtures.roomFanOut(presence, delivery, laneWork::add);
    private final RoomChangeNotices notices = new RoomChangeNotices();

    @BeforeEach
    void wire() {
        notices.presence = presence;
        notices.rooms = rooms;
        notices.infos = Fixtures.roomInfos(presence);
        notices.fanOut = fanOut;
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        presence.enter(ROOM_B, participant(CAROL, "s-carol"));
    }

    private void runLanes() {
        while (!laneWork.isEmpty()) {
            laneWork.remove(0).run();
        }
    }

    /** Renamed, new topic and description, made closed and an auditorium, invitations off. */
    private static RoomView changed(String uri, String category) {
        return new RoomView(
                uri,
                "Renamed",
                "New description",
                "New topic",
                Privacy.CLOSED,
                RoomType.AUDITORIUM,
                InvitationSetting.OFF,
                false,
                category,
                "Root",
                false,
                true,
                true,
                0,
                2,
                null,
                null);
    }

    /**
     * Everyone in the room gets one ntc:chanupd with the room's new chanib, the same element for all (built once),
     * after the posts queued before it; nobody outside the room gets anything.
     */
    @Test
    void everyoneInTheRoomGetsTheRoomsNewDescriptionOnceAfterThePostsBeforeIt() {
        when(rooms.current(ROOM_A)).thenReturn(Optional.of(changed(ROOM_A, CATEGORY)));
        fanOut.posted(new MessageView(ROOM_A, 1, ALICE, "before the change", STORED, STORED));

        notices.changed(RoomChange.ofRoom(ROOM_A));
        runLanes();

        Notice expected = new Notice(
                Notice.ROOM_CHANGED,
                List.of(new ChannelInfo(
                        ROOM_A,
                        "Renamed",
                        "New description",
                        "New topic",
                        List.of(
                                new Property("urn:parlano:ma:info:ucnt", "2"),
                                new Property("urn:parlano:ma:info:visibilty", "private"),
                                new Property("urn:parlano:ma:info:type", "auditorium")),
                        List.of(
                                new Property("urn:parlano:ma:prop:invite", "false"),
                                new Property("urn:parlano:ma:prop:logged", "true"),
                                new Property("urn:parlano:ma:prop:filepost", "true")),
                        List.of(),
                        List.of())));
        ChatMessage post = new ChatMessage(ROOM_A, ALICE, STORED, "before the change");
        assertThat(delivery.to("s-alice")).containsExactly(post, expected);
        assertThat(delivery.to("s-bob")).containsExactly(post, expected);
        assertThat(delivery.to("s-alice").get(1))
                .as("built once for the room")
                .isSameAs(delivery.to("s-bob").get(1));
        assertThat(delivery.to("s-carol")).as("not in the room").isEmpty();
    }

    /** A room nobody is in here: not even the store is asked. */
    @Test
    void aRoomNobodyHereIsInCostsNothing() {
        notices.changed(RoomChange.ofRoom(ROOM_C));
        runLanes();

        verify(rooms, never()).current(anyString());
        assertThat(delivery.all()).isEmpty();
    }

    /** A room gone meanwhile has nothing to show: its deletion's access change takes its people out. */
    @Test
    void aRoomGoneMeanwhileIsNotDescribed() {
        when(rooms.current(ROOM_A)).thenReturn(Optional.empty());

        notices.changed(RoomChange.ofRoom(ROOM_A));
        runLanes();

        assertThat(delivery.all()).isEmpty();
    }

    /** A category's switches changed: the rooms here of that category are told, the others not. */
    @Test
    void aCategorysChangeReachesItsRoomsOnly() {
        when(rooms.current(ROOM_A)).thenReturn(Optional.of(changed(ROOM_A, OTHER_CATEGORY)));
        when(rooms.current(ROOM_B)).thenReturn(Optional.of(changed(ROOM_B, CATEGORY)));

        notices.changed(RoomChange.ofCategory(CATEGORY.toUpperCase(java.util.Locale.ROOT)));
        runLanes();

        List<Outbound> carols = delivery.to("s-carol");
        assertThat(carols).hasSize(1);
        assertThat(((Notice) carols.get(0)).id()).isEqualTo(Notice.ROOM_CHANGED);
        assertThat(((ChannelInfo) ((Notice) carols.get(0)).data().get(0)).uri()).isEqualTo(ROOM_B);
        assertThat(delivery.to("s-alice")).isEmpty();
        assertThat(delivery.to("s-bob")).isEmpty();
    }
}
