package org.parley.chat.application;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.domain.model.user.ChatPolicyRepository;
import org.parley.chat.domain.model.user.ChatUser;
import org.parley.chat.domain.model.user.ChatUserRepository;
import org.parley.chat.domain.model.user.GroupDirectory;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.Subject;
import org.parley.chat.domain.model.user.UserGroupRepository;
import org.parley.chat.domain.shared.ChatException;

/**
 * Turns the URI a service is called with into the {@link Actor} the rules need, and applies the chat
 * policy. The policy gates participation: a user whose policy disables chat can do nothing, except that an
 * administrator may still administer (categories, policies, groups, history) through {@link #actor}.
 */
@ApplicationScoped
public class Callers implements GroupDirectory {

    @Inject
    ChatUserRepository users;

    @Inject
    UserGroupRepository groups;

    @Inject
    ChatPolicyRepository policies;

    public Callers() {
    }

    public Callers(ChatUserRepository users, UserGroupRepository groups, ChatPolicyRepository policies) {
        this.users = users;
        this.groups = groups;
        this.policies = policies;
    }

    @Override
    public Subject subjectOf(SipUri uri) {
        return new Subject(uri, groups.groupKeysOf(uri));
    }

    /** For joining, reading and posting: everyone, administrators included, needs chat enabled. */
    public Actor participant(String uri) {
        Actor actor = resolve(uri);
        requireChatEnabled(actor.uri());
        return actor;
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
        Actor actor = resolve(uri);
        if (!actor.administrator()) {
            requireChatEnabled(actor.uri());
        }
        return actor;
    }

    /** Whether the user is a Persistent Chat administrator; nothing is refused on the way. */
    public boolean isAdministrator(String uri) {
        return resolve(uri).administrator();
    }

    public ChatPolicy effectivePolicy(SipUri uri) {
        ChatPolicy global = policies.global();
        return users.find(uri).map(user -> user.effectivePolicy(global)).orElse(global);
    }

    private Actor resolve(String uri) {
        SipUri sipUri = SipUri.parse(uri);
        boolean administrator = users.find(sipUri).map(ChatUser::isAdministrator).orElse(false);
        return new Actor(subjectOf(sipUri), administrator);
    }

    private void requireChatEnabled(SipUri uri) {
        if (!effectivePolicy(uri).enablesChat()) {
            throw new ChatException(ChatException.Reason.DISABLED_BY_POLICY,
                    "Persistent Chat is not enabled for " + uri);
        }
    }
}
