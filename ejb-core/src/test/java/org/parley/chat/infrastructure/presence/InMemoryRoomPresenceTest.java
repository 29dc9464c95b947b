package org.parley.chat.infrastructure.presence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.presence.Participant;

class InMemoryRoomPresenceTest {

    private final InMemoryRoomPresence presence = new InMemoryRoomPresence();
    private final Participant aliceDesk = new Participant("sip:alice@contoso.com", "s1");
    private final Participant aliceLaptop = new Participant("sip:alice@contoso.com", "s2");
    private final Participant bob = new Participant("sip:bob@contoso.com", "s3");

    @Test
    void tracksEachClientSessionOfAUserSeparately() {
        assertThat(presence.enter("room-a", aliceDesk)).isTrue();
        assertThat(presence.enter("room-a", aliceDesk)).as("entering twice").isFalse();
        presence.enter("room-a", aliceLaptop);
        presence.enter("room-a", bob);
        assertThat(presence.participants("room-a")).containsExactlyInAnyOrder(aliceDesk, aliceLaptop, bob);
        assertThat(presence.count("room-a")).isEqualTo(3);

        assertThat(presence.leave("room-a", aliceDesk)).isTrue();
        assertThat(presence.leave("room-a", aliceDesk)).isFalse();
        assertThat(presence.participants("room-a")).containsExactlyInAnyOrder(aliceLaptop, bob);
        assertThat(presence.isPresent("room-a", "s1")).isFalse();
        assertThat(presence.isPresent("room-a", "s2")).isTrue();
    }

    @Test
    void aVanishedSessionLeavesEveryRoomAndNothingLingers() {
        presence.enter("room-a", bob);
        presence.enter("room-b", bob);
        presence.enter("room-b", aliceDesk);
        assertThat(presence.leaveAll("s3")).containsExactlyInAnyOrder("room-a", "room-b");
        assertThat(presence.participants("room-a")).isEmpty();
        assertThat(presence.participants("room-b")).containsExactly(aliceDesk);
        assertThat(presence.leaveAll("s3")).isEmpty();
        assertThat(presence.count("room-a")).isZero();
    }
}
