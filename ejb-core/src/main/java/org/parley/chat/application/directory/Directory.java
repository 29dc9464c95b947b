package org.parley.chat.application.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.domain.model.user.SipUri;

/**
 * What the enterprise directory said of the users this node has asked about, kept so that neither a post nor a
 * SIP request waits for the directory: the first question about a user asks it, later ones read the answer, and
 * {@link #refresh} asks again about every user known here once their answer is older than the refresh interval,
 * telling which users' entries changed (their rights are then reviewed, {@code DirectoryService}).
 *
 * <p>When the directory cannot be asked, what it said last still holds (an outage of the directory signs nobody
 * out and takes no rights away); a user it has never answered for cannot sign in until it answers, and has no
 * directory groups meanwhile.
 */
@ApplicationScoped
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class.getName());

    /** Bounds the memory of a directory larger than the users who ever sign in here; overflowing starts afresh. */
    static final int MAX_REMEMBERED = 100_000;

    private record Answer(Optional<DirectoryEntry> entry, Instant askedAt) {}

    @Inject
    EnterpriseDirectory directory;

    @Inject
    Clock clock;

    private final Map<SipUri, Answer> answers = new ConcurrentHashMap<>();

    public Directory() {}

    public Directory(EnterpriseDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public boolean inUse() {
        return directory.inUse();
    }

    /**
     * The user's entry, empty when the directory has no such user or none is in use.
     *
     * @throws DirectoryUnavailableException when the directory has never answered for this user and cannot be asked
     */
    public Optional<DirectoryEntry> entryOf(SipUri user) {
        if (!directory.inUse()) {
            return Optional.empty();
        }
        Answer known = answers.get(user);
        if (known != null) {
            return known.entry();
        }
        Optional<DirectoryEntry> entry = directory.find(user);
        if (answers.size() >= MAX_REMEMBERED) {
            answers.clear();
        }
        answers.putIfAbsent(user, new Answer(entry, clock.instant()));
        return entry;
    }

    /**
     * Whether the user may sign in: with a directory in use, only a user the directory has and shows enabled.
     * Never throws: a directory that cannot be asked about a user it never answered for admits nobody new.
     */
    public boolean admitsSignIn(String sipUri) {
        if (!directory.inUse()) {
            return true;
        }
        try {
            return entryOf(SipUri.parse(sipUri)).map(DirectoryEntry::enabled).orElse(false);
        } catch (DirectoryUnavailableException unavailable) {
            LOG.warning(() -> "sign-in of " + sipUri + " refused: " + unavailable.getMessage());
            return false;
        }
    }

    /**
     * Asks the directory again about every user whose answer is older than {@code interval}.
     *
     * @return the users whose entries changed (groups, units, enabled, administrator, or no longer there)
     */
    public List<SipUri> refresh(Duration interval) {
        List<SipUri> changed = new ArrayList<>();
        if (!directory.inUse()) {
            return changed;
        }
        Instant due = clock.instant().minus(interval);
        for (Map.Entry<SipUri, Answer> known : answers.entrySet()) {
            if (known.getValue().askedAt().isAfter(due)) {
                continue;
            }
            Optional<DirectoryEntry> now;
            try {
                now = directory.find(known.getKey());
            } catch (DirectoryUnavailableException unavailable) {
                LOG.warning(() -> "directory refresh postponed: " + unavailable.getMessage());
                return changed;
            }
            answers.put(known.getKey(), new Answer(now, clock.instant()));
            if (!now.equals(known.getValue().entry())) {
                changed.add(known.getKey());
            }
        }
        return changed;
    }
}
