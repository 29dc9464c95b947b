package org.parley.chat.interfaces.xccos.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE_CLIENT;
import static org.parley.chat.interfaces.xccos.Fixtures.BOB;
import static org.parley.chat.interfaces.xccos.Fixtures.CAROL;
import static org.parley.chat.interfaces.xccos.Fixtures.DAVE;
import static org.parley.chat.interfaces.xccos.Fixtures.DOMAIN;
import static org.parley.chat.interfaces.xccos.Fixtures.GUID_A;
import static org.parley.chat.interfaces.xccos.Fixtures.GUID_B;
import static org.parley.chat.interfaces.xccos.Fixtures.GUID_C;
import static org.parley.chat.interfaces.xccos.Fixtures.REF;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_B;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_C;
import static org.parley.chat.interfaces.xccos.Fixtures.channel;
import static org.parley.chat.interfaces.xccos.Fixtures.participant;
import static org.parley.chat.interfaces.xccos.Fixtures.room;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.stubbing.Answer;
import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.FollowService;
import org.parley.chat.application.InvitationService;
import org.parley.chat.application.RoomEntryService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.occupancy.RoomOccupancy;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.ChatException.Reason;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;
import org.parley.chat.interfaces.xccos.Fixtures;
import org.parley.chat.interfaces.xccos.FollowersOutside;
import org.parley.chat.interfaces.xccos.OccupancyNoticesHere;
import org.parley.chat.interfaces.xccos.RecordingDelivery;
import org.parley.chat.testing.TestChatConfiguration;
import org.parley.xccos.ChannelId;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.Affiliation;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.DataItem.FailureInfo;
import org.parley.xccos.DataItem.UserInfo;
import org.parley.xccos.Notice;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;

@ExtendWith(MockitoExtension.class)
class JoinHandlerTest {

    @Mock
    RoomService rooms;

    @Mock
    FollowService follows;

    @Mock
    InvitationService invitations;

    private final InMemoryRoomPresence presence = new InMemoryRoomPresence();
    private final RecordingDelivery delivery = new RecordingDelivery();
    private final JoinHandler handler = new JoinHandler();

    @BeforeEach
    void wire() {
        occupy(75);
    }

    /** The handler on one occupancy whose notices reach the room's fan-out, as PostRoadSubscriptions wires it. */
    private void occupy(int participantListLimit) {
        handler.occupancy = new RoomOccupancy(
                new RoomEntryService(rooms, follows, invitations),
                rooms,
                presence,
                configuration(participantListLimit));
        handler.occupancy.tell(
                new OccupancyNoticesHere(Fixtures.roomFanOut(presence, delivery), new FollowersOutside()));
    }

    /** A room's chanib in a join reply: its name and topic, and the user ids of its members and managers. */
    private static ChannelInfo entered(String uri, String name, String topic, Affiliation... affiliations) {
        return new ChannelInfo(uri, name, null, topic, List.of(), List.of(), List.of(affiliations), List.of());
    }

    private static ChatConfiguration configuration(int participantListLimit) {
        return TestChatConfiguration.contoso()
                .maxFileSizeBytes(1024)
                .participantListLimit(participantListLimit)
                .build();
    }

    /** Lync listed at most 75 participants to a client: the cut is a setting, and the joining user is always listed. */
    @Test
    void listsAtMostTheParticipantListLimitTheJoiningUserAmongThem() {
        occupy(3);
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        presence.enter(ROOM_A, participant(CAROL, "s-carol"));
        presence.enter(ROOM_A, participant(DAVE, "s-dave"));
        when(rooms.join(ALICE, ROOM_A)).thenReturn(room(ROOM_A, "Dev Room", null));
        when(rooms.managersAmong(eq(ALICE), eq(ROOM_A), any())).thenAnswer(managers());

        Reply reply = single(handler.handle(join(false, channel(0, GUID_A)), ALICE_CLIENT));

        assertThat(reply.data())
                .containsExactly(
                        UserInfo.numbered(0, ALICE),
                        UserInfo.numbered(1, BOB),
                        UserInfo.numbered(2, CAROL),
                        entered(ROOM_A, "Dev Room", null, new Affiliation("3984", "0,1,2", null)));
        assertThat(presence.participants(ROOM_A)).as("all four are in the room").hasSize(4);
    }

    @Test
    void handlesJoinCommands() {
        assertThat(handler.commandType()).isEqualTo(Command.Join.class);
    }

    /** A single join of a room the user may not enter is an error reply, with the code the refusal maps to. */
    @ParameterizedTest
    @CsvSource({"FORBIDDEN, 403", "NOT_FOUND, 404", "ROOM_DISABLED, 403", "DISABLED_BY_POLICY, 403", "INVALID, 400"})
    void singleJoinRefusedIsAnErrorReplyWithTheRefusalsCode(Reason reason, int code) {
        when(rooms.join(ALICE, ROOM_A)).thenThrow(new ChatException(reason, "You may not enter Dev Room"));

        List<Outbound> out = handler.handle(join(false, channel(0, GUID_A)), ALICE_CLIENT);

        assertThat(out)
                .containsExactly(new Reply("rpl:join", REF, new Result(code, "You may not enter Dev Room"), List.of()));
        // Refused means not entered, not followed, and nobody told.
        assertThat(presence.participants(ROOM_A)).isEmpty();
        verify(follows, never()).follow(anyString(), anyString());
        assertThat(delivery.all()).isEmpty();
    }

    /**
     * bjoin enters the rooms it may and answers each refused one with a fib (key, GUID, domain) in its
     * place; the rest keep request order. The reply as a whole succeeds.
     */
    @Test
    void batchJoinAnswersARefusedRoomWithAFibAndEntersTheOthers() {
        when(rooms.join(ALICE, ROOM_A)).thenReturn(room(ROOM_A, "Dev Room", "Sprint 12"));
        when(rooms.join(ALICE, ROOM_B)).thenThrow(ChatException.forbidden("closed room"));
        when(rooms.join(ALICE, ROOM_C)).thenReturn(room(ROOM_C, "Ops", null));
        when(rooms.managersAmong(eq(ALICE), anyString(), any())).thenAnswer(managers());

        List<Outbound> out =
                handler.handle(join(true, channel(0, GUID_A), channel(1, GUID_B), channel(2, GUID_C)), ALICE_CLIENT);

        Reply reply = single(out);
        assertThat(reply.id()).isEqualTo("rpl:bjoin");
        assertThat(reply.ref()).isEqualTo(REF);
        assertThat(reply.result()).isEqualTo(Result.OK);
        assertThat(reply.data())
                .containsExactly(
                        UserInfo.numbered(0, ALICE),
                        entered(ROOM_A, "Dev Room", "Sprint 12", new Affiliation("3984", "0", null)),
                        new FailureInfo("OPERATION_FAILED", GUID_B, DOMAIN),
                        entered(ROOM_C, "Ops", null, new Affiliation("3984", "0", null)));
        assertThat(presence.isPresent(ROOM_A, "s-alice")).isTrue();
        assertThat(presence.isPresent(ROOM_B, "s-alice")).isFalse();
        assertThat(presence.isPresent(ROOM_C, "s-alice")).isTrue();
    }

    /**
     * uib ids are numbered once per reply, in order of first use across rooms (users sorted within a
     * room), each user once even with two sessions; aib lists split those ids into members and managers.
     */
    @Test
    void numbersUsersOncePerReplyAndListsMembersAndManagersApart() {
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        presence.enter(ROOM_A, participant(BOB, "s-bob-phone"));
        presence.enter(ROOM_A, participant(CAROL, "s-carol"));
        presence.enter(ROOM_C, participant(DAVE, "s-dave"));
        presence.enter(ROOM_C, participant(BOB, "s-bob"));
        when(rooms.join(ALICE, ROOM_A)).thenReturn(room(ROOM_A, "Dev Room", null));
        when(rooms.join(ALICE, ROOM_C)).thenReturn(room(ROOM_C, "Ops", null));
        when(rooms.managersAmong(eq(ALICE), eq(ROOM_A), any())).thenAnswer(managers(BOB));
        when(rooms.managersAmong(eq(ALICE), eq(ROOM_C), any())).thenAnswer(managers(ALICE, DAVE));

        Reply reply = single(handler.handle(join(true, channel(0, GUID_A), channel(1, GUID_C)), ALICE_CLIENT));

        // Room A: alice 0, bob 1, carol 2. Room C adds dave as 3 and reuses 0 and 1.
        assertThat(reply.data())
                .containsExactly(
                        UserInfo.numbered(0, ALICE),
                        UserInfo.numbered(1, BOB),
                        UserInfo.numbered(2, CAROL),
                        UserInfo.numbered(3, DAVE),
                        entered(
                                ROOM_A,
                                "Dev Room",
                                null,
                                new Affiliation("3984", "0,2", null),
                                new Affiliation("12276", "1", null)),
                        entered(
                                ROOM_C,
                                "Ops",
                                null,
                                new Affiliation("3984", "1", null),
                                new Affiliation("12276", "0,3", null)));
    }

    /** The others in the room learn of the newcomer (with its role); the newcomer gets no notice of itself. */
    @Test
    void tellsTheOthersInTheRoomButNotTheNewcomer() {
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        presence.enter(ROOM_A, participant(CAROL, "s-carol"));
        when(rooms.join(ALICE, ROOM_A)).thenReturn(room(ROOM_A, "Dev Room", null));
        when(rooms.managersAmong(eq(ALICE), eq(ROOM_A), any())).thenAnswer(managers());

        handler.handle(join(false, channel(0, GUID_A)), ALICE_CLIENT);

        Notice expected = new Notice(
                Notice.JOIN, List.of(new UserInfo(null, ALICE, List.of(new Affiliation("3984", GUID_A, DOMAIN)))));
        assertThat(delivery.to("s-bob")).containsExactly(expected);
        assertThat(delivery.to("s-carol")).containsExactly(expected);
        assertThat(delivery.to("s-alice")).isEmpty();
    }

    @Test
    void aManagerEntersWithTheManagerKey() {
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        when(rooms.join(ALICE, ROOM_A)).thenReturn(room(ROOM_A, "Dev Room", null));
        when(rooms.managersAmong(eq(ALICE), eq(ROOM_A), any())).thenAnswer(managers(ALICE));

        handler.handle(join(false, channel(0, GUID_A)), ALICE_CLIENT);

        assertThat(delivery.to("s-bob"))
                .containsExactly(new Notice(
                        Notice.JOIN,
                        List.of(new UserInfo(null, ALICE, List.of(new Affiliation("12276", GUID_A, DOMAIN))))));
    }

    /** A session that joins a room it is already in gets its answer again, but the others hear nothing new. */
    @Test
    void joiningAgainFromTheSameSessionSendsNoSecondNotice() {
        presence.enter(ROOM_A, participant(BOB, "s-bob"));
        when(rooms.join(ALICE, ROOM_A)).thenReturn(room(ROOM_A, "Dev Room", null));
        when(rooms.managersAmong(eq(ALICE), eq(ROOM_A), any())).thenAnswer(managers());
        handler.handle(join(false, channel(0, GUID_A)), ALICE_CLIENT);
        when(rooms.joinAgain(ALICE, ROOM_A)).thenReturn(room(ROOM_A, "Dev Room", null));
        delivery.clear();

        Reply again = single(handler.handle(join(false, channel(0, GUID_A)), ALICE_CLIENT));

        assertThat(again.result()).isEqualTo(Result.OK);
        assertThat(again.data()).hasSize(3); // alice, bob, the room
        assertThat(delivery.all()).isEmpty();
    }

    /**
     * The compliance record has one JOIN per entry, as it has one PART per leave (#18): a session that joins a
     * room it is already in is checked and answered again, but nothing new is recorded.
     */
    @Test
    void joiningAgainFromTheSameSessionRecordsOneJoin() {
        when(rooms.join(ALICE, ROOM_A)).thenReturn(room(ROOM_A, "Dev Room", null));
        when(rooms.managersAmong(eq(ALICE), eq(ROOM_A), any())).thenAnswer(managers());
        handler.handle(join(false, channel(0, GUID_A)), ALICE_CLIENT);
        when(rooms.joinAgain(ALICE, ROOM_A)).thenReturn(room(ROOM_A, "Dev Room", null));

        Reply again = single(handler.handle(join(false, channel(0, GUID_A)), ALICE_CLIENT));

        assertThat(again.result()).isEqualTo(Result.OK);
        verify(rooms, times(1)).join(ALICE, ROOM_A);
        verify(rooms).joinAgain(ALICE, ROOM_A);
    }

    /** Entering follows the room, so the user's other clients find it in getassociations. */
    @Test
    void followsEveryRoomEnteredAndNoRefusedOne() {
        when(rooms.join(ALICE, ROOM_A)).thenReturn(room(ROOM_A, "Dev Room", null));
        when(rooms.join(ALICE, ROOM_B)).thenThrow(ChatException.notFound("no such room"));
        when(rooms.managersAmong(eq(ALICE), eq(ROOM_A), any())).thenAnswer(managers());

        handler.handle(join(true, channel(0, GUID_A), channel(1, GUID_B)), ALICE_CLIENT);

        verify(follows).follow(ALICE, ROOM_A);
        verify(follows, never()).follow(any(), eq(ROOM_B));
    }

    /** The participant entered is this client's session, under the user the identity step established. */
    @Test
    void entersThisSessionAsTheAuthenticatedUser() {
        when(rooms.join(ALICE, ROOM_A)).thenReturn(room(ROOM_A, "Dev Room", null));
        when(rooms.managersAmong(eq(ALICE), eq(ROOM_A), any())).thenAnswer(managers());

        handler.handle(join(false, channel(0, GUID_A)), ALICE_CLIENT);

        assertThat(presence.participants(ROOM_A)).containsExactly(new Participant(ALICE, "s-alice"));
    }

    private static Command.Join join(boolean batch, ChannelId... channels) {
        return new Command.Join(REF, batch, List.of(channels));
    }

    private static Reply single(List<Outbound> out) {
        assertThat(out).hasSize(1).first().isInstanceOf(Reply.class);
        return (Reply) out.get(0);
    }

    /** The room service's answer for a room managed by {@code managers}: those of the users asked about. */
    private static Answer<Set<String>> managers(String... managers) {
        return call -> {
            Collection<String> asked = call.getArgument(2);
            return asked.stream().filter(List.of(managers)::contains).collect(Collectors.toSet());
        };
    }
}
