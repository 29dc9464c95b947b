package org.parley.chat.application.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.testing.TestClock;

/**
 * What the directory said is kept, asked again after the refresh interval, and the changes told; an outage keeps
 * what it said last and admits nobody it never answered for.
 */
class DirectoryTest {

    private static final SipUri DAVE = SipUri.parse("sip:dave@contoso.com");
    private static final SipUri ERIN = SipUri.parse("sip:erin@contoso.com");

    private final Map<SipUri, DirectoryEntry> entries = new HashMap<>();
    private final AtomicInteger questions = new AtomicInteger();
    private boolean down;
    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T09:00:00Z"));

    private final Directory directory = new Directory(
            new EnterpriseDirectory() {
                @Override
                public boolean inUse() {
                    return true;
                }

                @Override
                public Optional<DirectoryEntry> find(SipUri user) {
                    questions.incrementAndGet();
                    if (down) {
                        throw new DirectoryUnavailableException("down", null);
                    }
                    return Optional.ofNullable(entries.get(user));
                }
            },
            clock);

    private static DirectoryEntry entry(String uid, boolean enabled, String... groups) {
        return new DirectoryEntry(
                "uid=" + uid + ",ou=people,dc=contoso,dc=com",
                enabled,
                Set.of(groups),
                Set.of("ou=people,dc=contoso,dc=com", "dc=contoso,dc=com"),
                false);
    }

    @Test
    void anAnswerIsKeptUntilTheRefreshWhichTellsWhoChanged() {
        entries.put(DAVE, entry("dave", true, "platform", "engineering"));
        entries.put(ERIN, entry("erin", true));
        assertThat(directory.entryOf(DAVE).orElseThrow().groupKeys()).contains("engineering");
        directory.entryOf(ERIN);
        directory.entryOf(DAVE);
        assertThat(questions).hasValue(2);

        entries.put(DAVE, entry("dave", true, "platform"));
        assertThat(directory.refresh(Duration.ofMinutes(5)))
                .as("nothing is due yet")
                .isEmpty();
        assertThat(directory.entryOf(DAVE).orElseThrow().groupKeys()).contains("engineering");

        clock.advance(Duration.ofMinutes(5));
        assertThat(directory.refresh(Duration.ofMinutes(5))).containsExactly(DAVE);
        assertThat(directory.entryOf(DAVE).orElseThrow().groupKeys()).containsExactly("platform");
        assertThat(questions).hasValue(4);
    }

    @Test
    void onlyEnabledUsersOfTheDirectorySignIn() {
        entries.put(DAVE, entry("dave", true));
        entries.put(ERIN, entry("erin", false));
        assertThat(directory.admitsSignIn(DAVE.value())).isTrue();
        assertThat(directory.admitsSignIn(ERIN.value())).isFalse();
        assertThat(directory.admitsSignIn("sip:ghost@contoso.com")).isFalse();

        entries.remove(DAVE);
        clock.advance(Duration.ofMinutes(5));
        assertThat(directory.refresh(Duration.ofMinutes(5))).contains(DAVE);
        assertThat(directory.admitsSignIn(DAVE.value()))
                .as("removed from the directory")
                .isFalse();
    }

    @Test
    void anOutageKeepsWhatTheDirectorySaidLastAndAdmitsNobodyNew() {
        entries.put(DAVE, entry("dave", true, "engineering"));
        directory.entryOf(DAVE);
        down = true;
        clock.advance(Duration.ofMinutes(5));
        assertThat(directory.refresh(Duration.ofMinutes(5))).isEmpty();
        assertThat(directory.admitsSignIn(DAVE.value())).isTrue();
        assertThat(directory.entryOf(DAVE).orElseThrow().groupKeys()).containsExactly("engineering");
        assertThat(directory.admitsSignIn(ERIN.value())).isFalse();
        assertThatThrownBy(() -> directory.entryOf(ERIN)).isInstanceOf(DirectoryUnavailableException.class);
    }

    @Test
    void withoutADirectoryEveryoneSignsInAndNobodyIsLookedUp() {
        Directory none = new Directory(EnterpriseDirectory.NONE, clock);
        assertThat(none.admitsSignIn("sip:anyone@contoso.com")).isTrue();
        assertThat(none.entryOf(DAVE)).isEmpty();
        assertThat(none.refresh(Duration.ZERO)).isEmpty();
    }
}
