package org.parley.chat.application;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.directory.Directory;
import org.parley.chat.application.directory.DirectoryEntry;
import org.parley.chat.application.directory.DirectoryUnavailableException;
import org.parley.chat.application.directory.EnterpriseDirectory;
import org.parley.chat.application.events.AccessChange;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.CallerRecord;
import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.domain.model.user.ChatPolicyRepository;
import org.parley.chat.domain.model.user.ChatUser;
import org.parley.chat.domain.model.user.ChatUserRepository;
import org.parley.chat.domain.model.user.GroupDirectory;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.Subject;
import org.parley.chat.domain.shared.ChatException;

/**
 * Turns the URI a service is called with into the {@link Actor} the rules need, and applies the chat
 * policy. The policy gates participation: a user whose policy disables chat can do nothing, except that an
 * administrator may still administer (categories, policies, groups, history) through {@link #actor}.
 *
 * <p>Who a caller is (groups, administrator flag, whether their policy enables chat) is asked on every post, join
 * and read, and changes only when an administrator changes it: it is kept in memory, so a post costs no query for
 * it. Every change that can alter it goes through {@link AccessChanges}, which makes this node forget it at once
 * and again when the change's transaction ends; the other nodes of a pool forget it when the change reaches them
 * on the room events topic ({@link #forget(AccessChange)}). While a change is on its way nothing is remembered,
 * and a look-up that began before a change is not remembered after it, so a revoked right is refused on the
 * very next request.
 */
@ApplicationScoped
public class Callers implements GroupDirectory {

    @Inject
    ChatUserRepository users;

    @Inject
    ChatPolicyRepository policies;

    @Inject
    Directory directory;

    /** Bounds the memory of a store with more users than ever sign in at once; overflowing starts afresh. */
    static final int MAX_REMEMBERED = 100_000;

    /** Who a caller is and whether their policy enables chat, as the store said when last asked. */
    private record Caller(Actor actor, boolean chatEnabled) {}

    private final Map<SipUri, Caller> remembered = new ConcurrentHashMap<>();
    /** Moves on every forgetting: a look-up that began before it is not remembered. */
    private final AtomicLong generation = new AtomicLong();
    /** Changes begun and not yet ended (committed or rolled back): nothing is remembered meanwhile. */
    private final AtomicInteger changesUnderWay = new AtomicInteger();
    /** The categories' rules, forgotten with the changes handed here. */
    private final CategoryRulesCache categoryRules = new CategoryRulesCache();

    public Callers() {}

    public Callers(ChatUserRepository users, ChatPolicyRepository policies) {
        this(users, policies, new Directory(EnterpriseDirectory.NONE, java.time.Clock.systemUTC()));
    }

    public Callers(ChatUserRepository users, ChatPolicyRepository policies, Directory directory) {
        this.users = users;
        this.policies = policies;
        this.directory = directory;
    }

    @Override
    public Subject subjectOf(SipUri uri) {
        return caller(uri).actor().subject();
    }

    /** For joining, reading and posting: everyone, administrators included, needs chat enabled. */
    public Actor participant(String uri) {
        return requireChatEnabled(caller(SipUri.parse(uri)));
    }

    /**
     * The one rule for reading a room: chat enabled by the user's policy, and the room's read rule
     * ({@link Room#requireRead}: its category, privacy, role lists, disabled flag). History reads ask it, and so
     * do live delivery (whoever fails it when rights change is evicted), new-content notices and follows.
     * The policy is checked before the room is looked up, so a user without chat learns nothing of rooms.
     *
     * @return the room, once the user may read it
     */
    public Room readable(String uri, Supplier<Room> room) {
        Actor actor = participant(uri);
        Room found = room.get();
        found.requireRead(actor);
        return found;
    }

    /**
     * Has the room judge by its category's rules as this node remembers them ({@link CategoryRulesCache}), so that
     * the category and its lists are not read again: for the posts of a batch, which ask them for every room.
     */
    public Room judgedByKnownRules(Room room) {
        return categoryRules.judged(room);
    }

    /** {@link #readable} as a question: whether the user may read the room now. */
    public boolean mayRead(String uri, Room room) {
        try {
            readable(uri, () -> room);
            return true;
        } catch (ChatException refused) {
            return false;
        }
    }

    /** For changing things: administrators regardless of their policy, everyone else with chat enabled. */
    public Actor actor(String uri) {
        Caller caller = caller(SipUri.parse(uri));
        return caller.actor().administrator() ? caller.actor() : requireChatEnabled(caller);
    }

    /** Whether the user is a Persistent Chat administrator; nothing is refused on the way. */
    public boolean isAdministrator(String uri) {
        return caller(SipUri.parse(uri)).actor().administrator();
    }

    /** Whether the user's policy (their own, else Global) enables chat; nothing is refused on the way. */
    public boolean isChatEnabled(String uri) {
        return caller(SipUri.parse(uri)).chatEnabled();
    }

    private static Actor requireChatEnabled(Caller caller) {
        if (!caller.chatEnabled()) {
            throw new ChatException(
                    ChatException.Reason.DISABLED_BY_POLICY,
                    "Persistent Chat is not enabled for " + caller.actor().uri());
        }
        return caller.actor();
    }

    public ChatPolicy effectivePolicy(SipUri uri) {
        ChatPolicy global = policies.global();
        return users.find(uri).map(user -> user.effectivePolicy(global)).orElse(global);
    }

    /**
     * A change that may alter who some callers are is beginning (inside its transaction): forget them now, and
     * remember nothing until {@link #changeEnded} (the transaction's end, either way), so that neither the state
     * before the change nor a state that may yet roll back is kept.
     */
    public void changeBegun(AccessChange change) {
        changesUnderWay.incrementAndGet();
        categoryRules.changeBegun(change);
        forget(change);
    }

    /** The change {@link #changeBegun} announced has committed or rolled back: forget once more. */
    public void changeEnded(AccessChange change) {
        forget(change);
        categoryRules.changeEnded(change);
        changesUnderWay.decrementAndGet();
    }

    /**
     * Forgets the callers a change concerns: the user's own, or everyone's for a change many share; and the
     * categories' rules a change to a category (or an import) may have altered ({@link CategoryRulesCache}).
     * Changes to a room alter neither (they are the room's rules, read with the room).
     */
    public void forget(AccessChange change) {
        categoryRules.forget(change);
        if (change.roomUri() != null || change.categoryUri() != null) {
            return;
        }
        generation.incrementAndGet();
        if (change.userUri() == null) {
            remembered.clear();
        } else {
            remembered.remove(SipUri.parse(change.userUri()));
        }
    }

    private Caller caller(SipUri uri) {
        Caller known = remembered.get(uri);
        if (known != null) {
            return known;
        }
        long asked = generation.get();
        CallerRecord record = users.callerRecord(uri);
        ChatPolicy global = record.global();
        ChatUser user = record.user().orElse(null);
        // The directory's groups and units join Parley's own groups; its administrators group makes administrators.
        Optional<DirectoryEntry> entry;
        boolean complete = true;
        try {
            entry = directory.entryOf(uri);
        } catch (DirectoryUnavailableException unavailable) {
            // Not remembered: the next request asks the directory again.
            entry = Optional.empty();
            complete = false;
        }
        Set<String> groupKeys = new HashSet<>(record.groupKeys());
        entry.ifPresent(found -> groupKeys.addAll(found.groupKeys()));
        Subject subject =
                new Subject(uri, groupKeys, entry.map(DirectoryEntry::units).orElse(Set.of()));
        boolean administrator = (user != null && user.isAdministrator())
                || entry.map(DirectoryEntry::administrator).orElse(false);
        Caller found = new Caller(
                new Actor(subject, administrator),
                user == null
                        ? global.enablesChat()
                        : user.effectivePolicy(global).enablesChat());
        if (complete && changesUnderWay.get() == 0 && generation.get() == asked) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(uri, found);
            // A forgetting between the check and the put would otherwise leave the old answer behind.
            if (changesUnderWay.get() != 0 || generation.get() != asked) {
                remembered.remove(uri, found);
            }
        }
        return found;
    }
}
