package org.parley.chat.interfaces.xccos.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE_CLIENT;
import static org.parley.chat.interfaces.xccos.Fixtures.BOB;
import static org.parley.chat.interfaces.xccos.Fixtures.CAROL;
import static org.parley.chat.interfaces.xccos.Fixtures.REF;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;
import static org.parley.chat.interfaces.xccos.Fixtures.participant;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.occupancy.RoomOccupancy;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;
import org.parley.chat.interfaces.xccos.Fixtures;
import org.parley.chat.interfaces.xccos.FollowersOutside;
import org.parley.chat.interfaces.xccos.OccupancyNoticesHere;
import org.parley.chat.interfaces.xccos.RecordingDelivery;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.DataItem.ChannelUsers;
import org.parley.xccos.DataItem.UserInfo;
import org.parley.xccos.Notice;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;

@ExtendWith(MockitoExtension.class)
class PartHandlerTest {

    @Mock
    RoomService rooms;

    private final InMemoryRoomPresence presence = new InMemoryRoomPresence();
    private final RecordingDelivery delivery = new RecordingDelivery();
    private final PartHandler handler = new PartHandler();

    @BeforeEach
    void wire() {
        handler.occupancy = new RoomOccupancy(null, rooms, presence, null);
        handler.occupancy.tell(
                new OccupancyNoticesHere(Fixtures.roomFanOut(presence, delivery), new FollowersOutside()));
    }

    @Test
    void handlesPartCommands() {
        assertThat(handler.commandType()).isEqualTo(Command.Part.class);
    }

    /** The session leaves, the store records it (compliance), and those who stay get ntc:part naming the user. */
    @Test
    void leavesTheRoomAndTellsThoseWhoStay() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        presence.enter(ROOM_A, participant(CAROL, "s-carol"));

        var out = handler.handle(new Command.Part(REF, ROOM_A), ALICE_CLIENT);

        assertThat(out).containsExactly(new Reply("rpl:part", REF, Result.OK, List.of(ChannelInfo.uriOnly(ROOM_A))));
        assertThat(presence.isPresent(ROOM_A, "s-alice")).isFalse();
        Notice part = new Notice(Notice.PART, List.of(new ChannelUsers(ROOM_A, List.of(UserInfo.of(ALICE)))));
        assertThat(delivery.to("s-bob")).containsExactly(part);
        assertThat(delivery.to("s-carol")).containsExactly(part);
        assertThat(delivery.to("s-alice")).isEmpty();
        verify(rooms).leave(ALICE, ROOM_A);
    }

    /** Leaving a room one is not in still succeeds (SIPE closes the room only on 200), but tells and records nothing. */
    @Test
    void partOfARoomNotEnteredAnswersOkAndTellsNobody() {
        presence.enter(ROOM_A, participant(BOB, "s-bob"));

        var out = handler.handle(new Command.Part(REF, ROOM_A), ALICE_CLIENT);

        assertThat(out).containsExactly(new Reply("rpl:part", REF, Result.OK, List.of(ChannelInfo.uriOnly(ROOM_A))));
        assertThat(delivery.all()).isEmpty();
        assertThat(presence.isPresent(ROOM_A, "s-bob")).isTrue();
        verify(rooms, never()).leave(anyString(), anyString());
    }

    /** SIPE compares the echoed URI byte for byte (docs/protocol/xccos.md §7.7): no canonicalisation on the way back. */
    @Test
    void echoesTheRoomUriExactlyAsSent() {
        String asSent = "ma-chan://Contoso.COM/0F3C6A2E-1B7D-4C59-9A8E-2D4B6C8E1F01";

        var out = handler.handle(new Command.Part(REF, asSent), ALICE_CLIENT);

        assertThat(((Reply) out.get(0)).data()).containsExactly(ChannelInfo.uriOnly(asSent));
    }

    /** Only this session leaves: the same user's other client stays in the room. */
    @Test
    void onlyThisSessionLeaves() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(ALICE, "s-alice-phone"));

        handler.handle(new Command.Part(REF, ROOM_A), ALICE_CLIENT);

        assertThat(presence.isPresent(ROOM_A, "s-alice")).isFalse();
        assertThat(presence.isPresent(ROOM_A, "s-alice-phone")).isTrue();
    }

    /**
     * ntc:part names a user, not a session (docs/protocol/xccos.md §8): while alice is still in the room through
     * another client, telling bob she left makes his client drop her from the member list.
     */
    @Test
    void noPartNoticeWhileTheUserIsStillInTheRoomThroughAnotherClient() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(ALICE, "s-alice-phone"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));

        handler.handle(new Command.Part(REF, ROOM_A), ALICE_CLIENT);

        assertThat(delivery.to("s-bob")).isEmpty();
    }

    /**
     * The session has already left presence when the store records the part; if that record fails (room
     * deleted meanwhile, compliance down) the others must still be told, and the client must get its 200,
     * or client and server disagree about whether it is in the room (ChatSessionEnd tolerates the same
     * failure).
     */
    @Test
    void aFailingComplianceRecordDoesNotLoseThePart() {
        presence.enter(ROOM_A, participant(ALICE, "s-alice"));
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        doThrow(ChatException.notFound("no room " + ROOM_A)).when(rooms).leave(ALICE, ROOM_A);

        var out = handler.handle(new Command.Part(REF, ROOM_A), ALICE_CLIENT);

        assertThat(out).containsExactly(new Reply("rpl:part", REF, Result.OK, List.of(ChannelInfo.uriOnly(ROOM_A))));
        assertThat(delivery.to("s-bob")).hasSize(1);
    }
}
