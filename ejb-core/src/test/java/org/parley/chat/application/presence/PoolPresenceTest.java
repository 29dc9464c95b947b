package org.parley.chat.application.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.PoolView;
import org.parley.chat.application.events.PoolSettings;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;
import org.parley.chat.testing.RecordedPresence;

class PoolPresenceTest {

    private static final String ROOM_A = "ma-chan://contoso.com/a";
    private static final String ROOM_B = "ma-chan://contoso.com/b";
    private static final Participant ALICE_HERE = new Participant("sip:alice@contoso.com", "s-alice");
    private static final Participant BOB_THERE = new Participant("sip:bob@contoso.com", "s-bob");
    private static final Participant CAROL_THERE = new Participant("sip:carol@contoso.com", "s-carol");
    private static final Participant ALICE_THERE = new Participant("sip:alice@contoso.com", "s-alice-2");

    /** What this node sent the others. */
    private final RecordedPresence relayed = new RecordedPresence();
    /** What the fan-out was told. */
    private final RecordedPresence told = new RecordedPresence();
    /** The leaves recorded for compliance. */
    private final List<String> recorded = new ArrayList<>();

    private final InMemoryRoomPresence presence = new InMemoryRoomPresence();
    private final PoolPresence pool = new PoolPresence(
            presence,
            relayed,
            new RoomService() {
                @Override
                public void leftAll(String userUri, Collection<String> roomUris) {
                    recorded.add(userUri + " " + roomUris.stream().sorted().toList());
                }
            },
            new PoolSettings(true, "node1", "i1"));

    PoolPresenceTest() {
        pool.watch(told);
    }

    @Test
    void theParticipantsOfAnotherNodeAreInTheListsAndCountsButNotDeliveredHere() {
        presence.enter(ROOM_A, ALICE_HERE);

        pool.enteredAt("node2", "i2", ROOM_A, BOB_THERE, true);
        pool.enteredAt("node2", "i2", ROOM_A, BOB_THERE, true);

        assertThat(presence.participants(ROOM_A)).containsExactlyInAnyOrder(ALICE_HERE, BOB_THERE);
        assertThat(presence.participantsHere(ROOM_A)).containsExactly(ALICE_HERE);
        assertThat(presence.count(ROOM_A)).isEqualTo(2);
        assertThat(presence.isPresent(ROOM_A, BOB_THERE.sessionId())).isTrue();
        assertThat(presence.rooms()).containsExactly(ROOM_A);
        assertThat(told.lines).containsExactly("entered " + ROOM_A + " s-bob true");

        pool.leftAt("node2", "i2", ROOM_A, BOB_THERE);
        pool.leftAt("node2", "i2", ROOM_A, BOB_THERE);

        assertThat(presence.participants(ROOM_A)).containsExactly(ALICE_HERE);
        assertThat(presence.count(ROOM_A)).isEqualTo(1);
        assertThat(told.lines).containsExactly("entered " + ROOM_A + " s-bob true", "left " + ROOM_A + " s-bob");
    }

    @Test
    void whatHappensHereIsRelayedAndAQuestionIsAnsweredWithThisNodesPresence() {
        presence.enter(ROOM_A, ALICE_HERE);
        pool.entered(ROOM_A, ALICE_HERE, false);
        pool.enteredAt("node2", "i2", ROOM_B, BOB_THERE, false);

        pool.helloFrom("node2", "i2");
        pool.left(ROOM_A, ALICE_HERE);

        assertThat(relayed.lines)
                .containsExactly(
                        "entered " + ROOM_A + " s-alice false",
                        "described " + Map.of(ROOM_A, Set.of(ALICE_HERE)),
                        "left " + ROOM_A + " s-alice");
    }

    @Test
    void aDescriptionReplacesWhatWasKnownOfItsNodeAndThoseMissingFromItLeave() {
        pool.enteredAt("node2", "i2", ROOM_A, BOB_THERE, false);
        told.lines.clear();

        pool.describedAt("node2", "i2", Map.of(ROOM_A, Set.of(CAROL_THERE), ROOM_B, Set.of(BOB_THERE)));

        assertThat(presence.participants(ROOM_A)).containsExactly(CAROL_THERE);
        assertThat(presence.participants(ROOM_B)).containsExactly(BOB_THERE);
        assertThat(told.lines).containsExactly("left " + ROOM_A + " s-bob");
    }

    @Test
    void aNodeThatLeavesTheViewTakesItsParticipantsAndTheCoordinatorRecordsTheirLeaving() {
        presence.enter(ROOM_A, ALICE_HERE);
        pool.enteredAt("node2", "i2", ROOM_A, BOB_THERE, false);
        pool.enteredAt("node2", "i2", ROOM_A, ALICE_THERE, false);
        pool.enteredAt("node2", "i2", ROOM_B, BOB_THERE, false);
        pool.enteredAt("node3", "i3", ROOM_B, CAROL_THERE, false);
        told.lines.clear();

        pool.membershipChanged(Set.of("node1", "node3"), true, false);

        assertThat(presence.participants(ROOM_A)).containsExactly(ALICE_HERE);
        assertThat(presence.participants(ROOM_B)).containsExactly(CAROL_THERE);
        assertThat(told.lines)
                .containsExactlyInAnyOrder(
                        "left " + ROOM_A + " s-bob", "left " + ROOM_A + " s-alice-2", "left " + ROOM_B + " s-bob");
        // Alice is still in room A through this node: only Bob's leaving is recorded.
        assertThat(recorded).containsExactly("sip:bob@contoso.com [" + ROOM_A + ", " + ROOM_B + "]");
        assertThat(relayed.lines).isEmpty();
    }

    @Test
    void aDeadNodesUsersFindTheirRoomsOnceWhenTheyComeBack() {
        pool.enteredAt("node2", "i2", ROOM_A, BOB_THERE, false);
        pool.enteredAt("node2", "i2", ROOM_B, BOB_THERE, false);
        pool.enteredAt("node3", "i3", ROOM_B, CAROL_THERE, false);

        pool.membershipChanged(Set.of("node1", "node3"), false, false);

        assertThat(pool.roomsToResume(BOB_THERE.userUri())).containsExactlyInAnyOrder(ROOM_A, ROOM_B);
        assertThat(pool.roomsToResume(BOB_THERE.userUri())).as("once").isEmpty();
        assertThat(pool.roomsToResume(CAROL_THERE.userUri()))
                .as("her node lives")
                .isEmpty();
    }

    /**
     * A user of a dead node may sign in here again the moment the pool's view (GET /admin/pool) has lost the node:
     * by then its rooms must be kept. The others are told (and the leaving recorded, a transaction) after.
     */
    @Test
    void aDeadNodesRoomsAreKeptBeforeTheOthersAreToldAndTheViewLosesItOnlyThen() {
        pool.membershipChanged(Set.of("node1", "node2"), true, false);
        pool.enteredAt("node2", "i2", ROOM_A, BOB_THERE, false);
        List<Set<String>> resumableWhenTold = new ArrayList<>();
        List<List<String>> viewWhenTold = new ArrayList<>();
        pool.watch(new PresenceWatcher() {
            @Override
            public void enteredElsewhere(String roomUri, Participant participant, boolean manager) {}

            @Override
            public void leftElsewhere(String roomUri, Participant participant) {
                resumableWhenTold.add(pool.roomsToResume(participant.userUri()));
                viewWhenTold.add(
                        pool.view().nodes().stream().map(PoolView.Node::name).toList());
            }
        });

        pool.membershipChanged(Set.of("node1"), true, false);

        assertThat(resumableWhenTold).containsExactly(Set.of(ROOM_A));
        assertThat(viewWhenTold)
                .as("the view still has the node while its leaving is handled")
                .containsExactly(List.of("node1", "node2"));
        assertThat(pool.view().nodes()).extracting(PoolView.Node::name).containsExactly("node1");
    }

    @Test
    void onlyTheCoordinatorRecordsTheLeavingOfADeadNodesUsers() {
        pool.enteredAt("node2", "i2", ROOM_A, BOB_THERE, false);

        pool.membershipChanged(Set.of("node1"), false, false);

        assertThat(presence.participants(ROOM_A)).isEmpty();
        assertThat(recorded).isEmpty();
    }

    @Test
    void aNodeHeardFromInANewIncarnationLostWhatItHadBefore() {
        pool.enteredAt("node2", "i2", ROOM_A, BOB_THERE, false);
        told.lines.clear();

        pool.enteredAt("node2", "i2-again", ROOM_B, CAROL_THERE, false);

        assertThat(presence.participants(ROOM_A)).isEmpty();
        assertThat(presence.participants(ROOM_B)).containsExactly(CAROL_THERE);
        assertThat(told.lines).containsExactly("left " + ROOM_A + " s-bob", "entered " + ROOM_B + " s-carol false");
    }

    @Test
    void thisNodeAsksUntilEveryMemberHasDescribedItself() {
        pool.askUndescribed(Set.of("node1"));
        assertThat(relayed.lines).isEmpty();

        pool.askUndescribed(Set.of("node1", "node2"));
        pool.enteredAt("node2", "i2", ROOM_A, BOB_THERE, false); // heard from, but not described: asks again
        pool.askUndescribed(Set.of("node1", "node2"));
        pool.describedAt("node2", "i2", Map.of());
        pool.askUndescribed(Set.of("node1", "node2"));

        assertThat(relayed.lines).containsExactly("hello", "hello");
        // The description replaced what the events had said.
        assertThat(presence.participants(ROOM_A)).isEmpty();
    }

    @Test
    void theViewListsThisNodeFirstThenTheOthersWithTheirParticipants() {
        presence.enter(ROOM_A, ALICE_HERE);
        presence.enter(ROOM_B, ALICE_HERE);
        pool.membershipChanged(Set.of("node1", "node2", "node3"), true, false);
        pool.describedAt("node2", "i2", Map.of(ROOM_A, Set.of(BOB_THERE, ALICE_THERE), ROOM_B, Set.of(BOB_THERE)));

        assertThat(pool.view())
                .isEqualTo(new PoolView(
                        true,
                        "node1",
                        List.of(
                                new PoolView.Node("node1", true, true, 2, 1),
                                new PoolView.Node("node2", true, true, 3, 2),
                                new PoolView.Node("node3", true, false, 0, 0))));

        pool.membershipChanged(Set.of("node1", "node2"), true, false);

        assertThat(pool.view().nodes()).extracting(PoolView.Node::name).containsExactly("node1", "node2");
    }

    @Test
    void afterAPartitionHealsThisNodeDescribesItselfAndAsksTheOthers() {
        presence.enter(ROOM_A, ALICE_HERE);

        pool.membershipChanged(Set.of("node1", "node2"), false, true);

        assertThat(relayed.lines).containsExactly("described " + Map.of(ROOM_A, Set.of(ALICE_HERE)), "hello");
    }
}
