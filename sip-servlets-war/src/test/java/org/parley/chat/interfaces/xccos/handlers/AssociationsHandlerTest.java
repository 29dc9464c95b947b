package org.parley.chat.interfaces.xccos.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE_CLIENT;
import static org.parley.chat.interfaces.xccos.Fixtures.BOB;
import static org.parley.chat.interfaces.xccos.Fixtures.REF;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_B;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_C;
import static org.parley.chat.interfaces.xccos.Fixtures.participant;
import static org.parley.chat.interfaces.xccos.Fixtures.room;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.parley.chat.application.FollowService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;
import org.parley.chat.interfaces.xccos.Fixtures;
import org.parley.chat.interfaces.xccos.RoomInfos;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.Affiliation;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.DataItem.UserInfo;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;

@ExtendWith(MockitoExtension.class)
class AssociationsHandlerTest {

    @Mock
    RoomService rooms;

    @Mock
    FollowService follows;

    private final InMemoryRoomPresence presence = new InMemoryRoomPresence();
    private final RoomInfos infos = Fixtures.roomInfos(presence);
    private final AssociationsHandler handler = new AssociationsHandler();

    private final RoomView dev = room(ROOM_A, "Dev Room", "Sprint 12");
    private final RoomView ops = room(ROOM_B, "Ops", null);
    private final RoomView lobby = room(ROOM_C, "Lobby", null);

    @BeforeEach
    void wire() {
        handler.rooms = rooms;
        handler.follows = follows;
        handler.infos = infos;
    }

    @Test
    void handlesGetAssociationsCommands() {
        assertThat(handler.commandType()).isEqualTo(Command.GetAssociations.class);
    }

    /**
     * The user is uib 0; each associated room appears once, in order of first association, with the
     * listing's info/prop and one aib per way it is associated (3984 member, 12276 manager, follow).
     */
    @Test
    void listsEachRoomOnceWithAnAibPerAssociation() {
        presence.enter(ROOM_B, participant(BOB, "s-bob"));
        when(rooms.roomsOfMember(ALICE)).thenReturn(List.of(dev, ops));
        when(rooms.roomsManagedBy(ALICE)).thenReturn(List.of(ops));
        when(follows.followed(ALICE)).thenReturn(List.of(ops, lobby));

        var out = handler.handle(new Command.GetAssociations(REF), ALICE_CLIENT);

        assertThat(out).hasSize(1);
        Reply reply = (Reply) out.get(0);
        assertThat(reply.id()).isEqualTo("rpl:getassociations");
        assertThat(reply.ref()).isEqualTo(REF);
        assertThat(reply.result()).isEqualTo(Result.OK);
        assertThat(reply.data())
                .containsExactly(
                        UserInfo.numbered(0, ALICE),
                        associated(dev, new Affiliation("3984", "0", null)),
                        associated(
                                ops,
                                new Affiliation("3984", "0", null),
                                new Affiliation("12276", "0", null),
                                new Affiliation("follow", "0", null)),
                        associated(lobby, new Affiliation("follow", "0", null)));
        // The listing part is real: the user count comes from presence.
        ChannelInfo opsInfo = (ChannelInfo) reply.data().get(2);
        assertThat(opsInfo.infos()).first().extracting(p -> p.value()).isEqualTo("1");
    }

    @Test
    void aUserWithoutRoomsGetsOnlyItself() {
        var out = handler.handle(new Command.GetAssociations(REF), ALICE_CLIENT);

        assertThat(out)
                .containsExactly(
                        new Reply("rpl:getassociations", REF, Result.OK, List.of(UserInfo.numbered(0, ALICE))));
    }

    private ChannelInfo associated(RoomView room, Affiliation... how) {
        ChannelInfo listing = infos.listing(room);
        return new ChannelInfo(
                room.uri(),
                room.name(),
                room.description(),
                room.topic(),
                listing.infos(),
                listing.props(),
                List.of(how),
                List.of());
    }
}
