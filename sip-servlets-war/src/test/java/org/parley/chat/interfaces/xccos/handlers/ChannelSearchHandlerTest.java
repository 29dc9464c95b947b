package org.parley.chat.interfaces.xccos.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE_CLIENT;
import static org.parley.chat.interfaces.xccos.Fixtures.BOB;
import static org.parley.chat.interfaces.xccos.Fixtures.CAROL;
import static org.parley.chat.interfaces.xccos.Fixtures.REF;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_B;
import static org.parley.chat.interfaces.xccos.Fixtures.participant;
import static org.parley.chat.interfaces.xccos.Fixtures.room;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.parley.chat.application.RoomService;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;
import org.parley.chat.interfaces.xccos.Fixtures;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.DataItem.Property;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;

@ExtendWith(MockitoExtension.class)
class ChannelSearchHandlerTest {

    @Mock
    RoomService rooms;

    private final InMemoryRoomPresence presence = new InMemoryRoomPresence();
    private final ChannelSearchHandler handler = new ChannelSearchHandler();

    @BeforeEach
    void wire() {
        handler.rooms = rooms;
        handler.infos = Fixtures.roomInfos(presence);
    }

    @Test
    void handlesChannelSearchCommands() {
        assertThat(handler.commandType()).isEqualTo(Command.ChannelSearch.class);
    }

    /**
     * One reply with a chanib per room the service found for this user, in its order (SIPE closes its
     * room list after the first reply), with the info and prop children SIPE reads (docs/protocol/xccos.md §7.4).
     */
    @Test
    void answersEveryRoomFoundInOneReplyWithInfoAndProps() {
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        presence.enter(ROOM_A, participant(CAROL, "s-carol"));
        when(rooms.search(ALICE, "dev"))
                .thenReturn(List.of(
                        room(ROOM_A, "Dev Room", "Sprint 12", Privacy.OPEN, false, false, true),
                        room(ROOM_B, "Dev Secrets", null, Privacy.SECRET, true, true, false)));

        var out = handler.handle(new Command.ChannelSearch(REF, "BYNAME", "dev", false), ALICE_CLIENT);

        assertThat(out)
                .containsExactly(new Reply(
                        "rpl:chansrch",
                        REF,
                        Result.OK,
                        List.of(
                                new ChannelInfo(
                                        ROOM_A,
                                        "Dev Room",
                                        "About Dev Room",
                                        "Sprint 12",
                                        List.of(
                                                new Property("urn:parlano:ma:info:ucnt", "2"),
                                                new Property("urn:parlano:ma:info:visibilty", "open"),
                                                new Property("urn:parlano:ma:info:type", "normal")),
                                        List.of(
                                                new Property("urn:parlano:ma:prop:invite", "false"),
                                                new Property("urn:parlano:ma:prop:logged", "true"),
                                                new Property("urn:parlano:ma:prop:filepost", "false")),
                                        List.of(),
                                        List.of()),
                                new ChannelInfo(
                                        ROOM_B,
                                        "Dev Secrets",
                                        "About Dev Secrets",
                                        null,
                                        List.of(
                                                new Property("urn:parlano:ma:info:ucnt", "0"),
                                                new Property("urn:parlano:ma:info:visibilty", "private"),
                                                new Property("urn:parlano:ma:info:type", "normal")),
                                        List.of(
                                                new Property("urn:parlano:ma:prop:invite", "true"),
                                                new Property("urn:parlano:ma:prop:logged", "false"),
                                                new Property("urn:parlano:ma:prop:filepost", "true")),
                                        List.of(),
                                        List.of()))));
    }

    /** SIPE's room list sends an empty criteria; nothing found is still a success. */
    @Test
    void nothingFoundIsAnEmptySuccess() {
        when(rooms.search(ALICE, "")).thenReturn(List.of());

        var out = handler.handle(new Command.ChannelSearch(REF, "BYNAME", "", false), ALICE_CLIENT);

        assertThat(out).containsExactly(new Reply("rpl:chansrch", REF, Result.OK, List.of()));
    }
}
