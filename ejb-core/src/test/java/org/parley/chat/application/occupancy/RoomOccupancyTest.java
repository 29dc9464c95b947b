package org.parley.chat.application.occupancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.FollowService;
import org.parley.chat.application.InvitationService;
import org.parley.chat.application.RoomEntryService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;
import org.parley.chat.testing.TestChatConfiguration;
import org.parley.chat.testing.TestRooms;

/**
 * Entering and leaving through the one occupancy: the order of its steps (the store first, the room's line of
 * posts started before presence, the others told after), and one JOIN and one PART per stay in the compliance
 * record however often a session asks.
 */
class RoomOccupancyTest {

    private static final String ALICE = "sip:alice@contoso.com";
    private static final String BOB = "sip:bob@contoso.com";
    private static final String CAROL = "sip:carol@contoso.com";
    private static final String ROOM = "ma-chan://contoso.com/0f3c6a2e-1b7d-4c59-9a8e-2d4b6c8e1f01";
    private static final String OTHER_ROOM = "ma-chan://contoso.com/0f3c6a2e-1b7d-4c59-9a8e-2d4b6c8e1f02";
    private static final Participant ME = new Participant(ALICE, "s-alice");

    /** What the store was asked and recorded, in order; a room in {@link #closed} is refused. */
    private final List<String> store = new CopyOnWriteArrayList<>();

    private final Set<String> closed = new HashSet<>();
    private final Set<String> managers = new HashSet<>();
    private RuntimeException partFails;

    private final RoomService rooms = new RoomService() {
        @Override
        public RoomView join(String actorUri, String roomUri) {
            requireOpen(roomUri);
            store.add("JOIN " + actorUri + " " + roomUri);
            return TestRooms.devRoom(inStore(roomUri), 7);
        }

        @Override
        public RoomView joinAgain(String actorUri, String roomUri) {
            requireOpen(roomUri);
            return TestRooms.devRoom(inStore(roomUri), 7);
        }

        @Override
        public Set<String> managersAmong(String actorUri, String roomUri, Collection<String> userUris) {
            Set<String> among = new HashSet<>(userUris);
            among.retainAll(managers);
            return among;
        }

        @Override
        public void leave(String userUri, String roomUri) {
            if (partFails != null) {
                throw partFails;
            }
            store.add("PART " + userUri + " " + roomUri);
        }

        @Override
        public void leftAll(String userUri, Collection<String> roomUris) {
            store.add("PARTS " + userUri + " " + new TreeSet<>(roomUris));
        }

        private void requireOpen(String roomUri) {
            if (closed.contains(roomUri)) {
                throw ChatException.forbidden("closed room");
            }
        }
    };

    private final FollowService follows = new FollowService() {
        @Override
        public RoomView follow(String userUri, String roomUri) {
            store.add("FOLLOW " + userUri + " " + roomUri);
            return TestRooms.devRoom(inStore(roomUri), 7);
        }
    };

    private final InvitationService invitations = new InvitationService() {
        @Override
        public void accepted(String userUri, String roomUri) {}
    };

    private final InMemoryRoomPresence presence = new InMemoryRoomPresence();
    /** What the node's delivery was told, in order, with whether the participant was in presence then. */
    private final List<String> told = new CopyOnWriteArrayList<>();

    private final RoomOccupancy occupancy = occupancy(75);

    private RoomOccupancy occupancy(int participantListLimit) {
        RoomOccupancy occupancy = new RoomOccupancy(
                new RoomEntryService(rooms, follows, invitations),
                rooms,
                presence,
                TestChatConfiguration.contoso()
                        .maxFileSizeBytes(1024)
                        .participantListLimit(participantListLimit)
                        .build());
        occupancy.tell(new OccupancyNotices() {
            @Override
            public void entering(String roomUri, long lastSeq) {
                told.add("entering " + roomUri + " up to " + lastSeq + (inPresence(roomUri) ? " (in)" : " (not in)"));
            }

            @Override
            public void entered(String roomUri, Participant participant, boolean manager) {
                told.add("entered " + roomUri + " " + participant.userUri() + (manager ? " manager" : "")
                        + (inPresence(roomUri) ? " (in)" : " (not in)"));
            }

            @Override
            public void left(String roomUri, Participant participant) {
                told.add("left " + roomUri + " " + participant.userUri()
                        + (inPresence(roomUri) ? " (in)" : " (not in)"));
            }

            private boolean inPresence(String roomUri) {
                return presence.isPresent(roomUri, ME.sessionId());
            }
        });
        return occupancy;
    }

    /** The store first (join rule, JOIN, follow), the room's line of posts started before presence, then the others. */
    @Test
    void entersInOrderStoreLineOfPostsPresenceNotices() {
        RoomEntry entry = occupancy.enter(ME, ROOM);

        assertThat(entry.entered()).isTrue();
        assertThat(entry.room().uri()).isEqualTo(ROOM);
        assertThat(store).containsExactly("JOIN " + ALICE + " " + ROOM, "FOLLOW " + ALICE + " " + ROOM);
        assertThat(told)
                .containsExactly("entering " + ROOM + " up to 7 (not in)", "entered " + ROOM + " " + ALICE + " (in)");
        assertThat(presence.isPresent(ROOM, "s-alice")).isTrue();
    }

    /** The room is named as the client named it; presence and notices use the store's form (no case). */
    @Test
    void aRoomNamedInAnotherCaseIsTheSameRoom() {
        occupancy.enter(ME, ROOM);
        told.clear();

        assertThat(occupancy
                        .enter(ME, ROOM.toUpperCase().replace("MA-CHAN://", "ma-chan://"))
                        .entered())
                .isFalse();
        assertThat(occupancy.leave(ME, " " + ROOM.toUpperCase() + " ")).isTrue();
        assertThat(told)
                .containsExactly("entering " + ROOM + " up to 7 (in)", "left " + ROOM + " " + ALICE + " (not in)");
    }

    /** A repeated join is answered again (the room, who is there) but records and tells nothing new (#18). */
    @Test
    void enteringAgainRecordsOneJoinAndTellsNobodyAgain() {
        presence.enter(ROOM, new Participant(BOB, "s-bob"));
        occupancy.enter(ME, ROOM);
        store.clear();
        told.clear();

        RoomEntry again = occupancy.enter(ME, ROOM);

        assertThat(again.entered()).isFalse();
        assertThat(again.listed()).containsExactly(ALICE, BOB);
        assertThat(store).as("no second JOIN").noneMatch(line -> line.startsWith("JOIN"));
        assertThat(told).noneMatch(line -> line.startsWith("entered"));
    }

    /** A room the user may not enter changes nothing: not in presence, nobody told, nothing recorded. */
    @Test
    void aRefusedEntryChangesNothing() {
        closed.add(ROOM);

        assertThatThrownBy(() -> occupancy.enter(ME, ROOM)).isInstanceOf(ChatException.class);

        assertThat(presence.participants(ROOM)).isEmpty();
        assertThat(told).isEmpty();
        assertThat(store).isEmpty();
    }

    /** The entry names the managers among those present and lists users sorted, each once however many clients. */
    @Test
    void listsTheUsersPresentOnceEachWithTheirManagers() {
        managers.add(BOB);
        managers.add(ALICE);
        presence.enter(ROOM, new Participant(CAROL, "s-carol"));
        presence.enter(ROOM, new Participant(BOB, "s-bob"));
        presence.enter(ROOM, new Participant(BOB, "s-bob-phone"));

        RoomEntry entry = occupancy.enter(ME, ROOM);

        assertThat(entry.listed()).containsExactly(ALICE, BOB, CAROL);
        assertThat(entry.managers()).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(told).contains("entered " + ROOM + " " + ALICE + " manager (in)");
    }

    /** At most the participant-list limit is listed, the one entering always among them. */
    @Test
    void listsAtMostTheLimitWithTheOneEnteringAmongThem() {
        RoomOccupancy limited = occupancy(2);
        presence.enter(ROOM, new Participant(BOB, "s-bob"));
        presence.enter(ROOM, new Participant(CAROL, "s-carol"));
        presence.enter(ROOM, new Participant("sip:dave@contoso.com", "s-dave"));

        assertThat(limited.enter(ME, ROOM).listed()).containsExactly(ALICE, BOB);
        assertThat(presence.count(ROOM)).isEqualTo(4);
    }

    /** Leaving: out of presence, then those who stay told, then the PART; a room not entered changes nothing. */
    @Test
    void leavesInOrderPresenceNoticesRecord() {
        occupancy.enter(ME, ROOM);
        store.clear();
        told.clear();

        assertThat(occupancy.leave(ME, ROOM)).isTrue();
        assertThat(occupancy.leave(ME, ROOM)).as("already out").isFalse();

        assertThat(told).containsExactly("left " + ROOM + " " + ALICE + " (not in)");
        assertThat(store).containsExactly("PART " + ALICE + " " + ROOM);
    }

    /** The session has left whatever the record says: a failing PART still tells those who stay. */
    @Test
    void aFailingRecordDoesNotLoseTheLeave() {
        occupancy.enter(ME, ROOM);
        told.clear();
        partFails = ChatException.notFound("room deleted");

        assertThat(occupancy.leave(ME, ROOM)).isTrue();

        assertThat(told).containsExactly("left " + ROOM + " " + ALICE + " (not in)");
        assertThat(presence.isPresent(ROOM, "s-alice")).isFalse();
    }

    /** A session that ends leaves every room, only its own: each room told, every PART in one call. */
    @Test
    void leavingAllLeavesEveryRoomOfTheSessionAndRecordsThemInOneCall() {
        occupancy.enter(ME, ROOM);
        occupancy.enter(ME, OTHER_ROOM);
        presence.enter(ROOM, new Participant(ALICE, "s-alice-phone"));
        store.clear();
        told.clear();

        assertThat(occupancy.leaveAll(ME)).containsExactlyInAnyOrder(ROOM, OTHER_ROOM);
        assertThat(occupancy.leaveAll(ME)).isEmpty();

        assertThat(new ArrayList<>(told))
                .containsExactlyInAnyOrder(
                        "left " + ROOM + " " + ALICE + " (not in)", "left " + OTHER_ROOM + " " + ALICE + " (not in)");
        assertThat(store).containsExactly("PARTS " + ALICE + " " + new TreeSet<>(Set.of(ROOM, OTHER_ROOM)));
        assertThat(presence.isPresent(ROOM, "s-alice-phone")).isTrue();
    }

    /** Registered twice (a start event seen twice), the delivery is still told once. */
    @Test
    void aDeliveryRegisteredTwiceIsToldOnce() {
        RoomOccupancy once = new RoomOccupancy(
                new RoomEntryService(rooms, follows, invitations),
                rooms,
                presence,
                TestChatConfiguration.contoso().maxFileSizeBytes(1024).build());
        List<String> heard = new ArrayList<>();
        OccupancyNotices delivery = new OccupancyNotices() {
            @Override
            public void entering(String roomUri, long lastSeq) {}

            @Override
            public void entered(String roomUri, Participant participant, boolean manager) {
                heard.add(participant.userUri());
            }

            @Override
            public void left(String roomUri, Participant participant) {}
        };
        once.tell(delivery);
        once.tell(delivery);

        once.enter(ME, ROOM);

        assertThat(heard).containsExactly(ALICE);
    }

    /** The room's URI as the store answers it: its own (lower case), whatever the case asked. */
    private static String inStore(String uri) {
        return uri.trim().toLowerCase(Locale.ROOT);
    }
}
