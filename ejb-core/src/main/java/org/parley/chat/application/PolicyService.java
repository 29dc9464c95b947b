package org.parley.chat.application;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.PolicyView;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.domain.model.user.ChatPolicyRepository;
import org.parley.chat.domain.model.user.ChatUser;
import org.parley.chat.domain.model.user.ChatUserRepository;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;

/**
 * Who may use Persistent Chat (policies: Global, and named ones assigned to single users) and who
 * administers it.
 */
@Stateless
public class PolicyService {

    @Inject
    Callers callers;

    @Inject
    ChatPolicyRepository policies;

    @Inject
    ChatUserRepository users;

    @Inject
    AccessChanges accessChanges;

    public PolicyService() {}

    PolicyService(
            Callers callers, ChatPolicyRepository policies, ChatUserRepository users, AccessChanges accessChanges) {
        this.accessChanges = accessChanges;
        this.callers = callers;
        this.policies = policies;
        this.users = users;
    }

    /** Whether the user's policy (their own, else Global) enables chat. */
    public boolean isEnabled(String userUri) {
        return callers.isChatEnabled(userUri);
    }

    /** The policy that applies to the user: their own, else Global. */
    public PolicyView policyOf(String userUri) {
        return PolicyView.of(callers.effectivePolicy(SipUri.parse(userUri)));
    }

    public List<PolicyView> policies() {
        return policies.all().stream().map(PolicyView::of).toList();
    }

    public PolicyView setGlobalEnabled(String actorUri, boolean enabled) {
        ChatPolicy global = policies.global();
        global.change(callers.actor(actorUri), enabled);
        // Either way: a grant changes who callers are as much as a revocation does (Callers remembers them).
        accessChanges.everyone();
        return PolicyView.of(global);
    }

    /** Creates the named policy, or changes it if it exists. */
    public PolicyView definePolicy(String actorUri, String name, boolean enabled) {
        Actor actor = callers.actor(actorUri);
        ChatPolicy policy = policies.findByName(name).orElse(null);
        if (policy == null) {
            policy = ChatPolicy.define(actor, name, enabled);
            policies.add(policy);
        } else {
            policy.change(actor, enabled);
            accessChanges.everyone();
        }
        return PolicyView.of(policy);
    }

    /** @param policyName the user's own policy, or null (or "Global") to go back to Global */
    public PolicyView assignPolicy(String actorUri, String userUri, String policyName) {
        Actor actor = callers.actor(actorUri);
        ChatPolicy policy = policyName == null
                ? null
                : policies.findByName(policyName)
                        .orElseThrow(() -> ChatException.notFound("no chat policy " + policyName));
        userRecord(SipUri.parse(userUri)).assignPolicy(actor, policy);
        accessChanges.user(SipUri.parse(userUri));
        return policyOf(userUri);
    }

    /**
     * Grants or revokes the Persistent Chat administrator right. The last administrator the store knows cannot be
     * revoked (the store would have nobody to administer it until a restart re-grants those of
     * parley.chat.administrators, which a restart always does).
     */
    public void setAdministrator(String actorUri, String userUri, boolean administrator) {
        Actor actor = callers.actor(actorUri);
        SipUri user = SipUri.parse(userUri);
        actor.requireAdministrator("grant or revoke administrator rights");
        if (!administrator
                && users.administrators().stream().allMatch(admin -> admin.uri().equals(user))
                && users.find(user).map(ChatUser::isAdministrator).orElse(false)) {
            throw ChatException.conflict(user + " is the last Persistent Chat administrator");
        }
        userRecord(user).setAdministrator(actor, administrator);
        accessChanges.user(user);
    }

    /**
     * Removes a named policy (Remove-CsPersistentChatPolicy): the users it was assigned to fall back to Global. The
     * Global policy cannot be removed.
     *
     * @return how many users fell back to Global
     */
    public int removePolicy(String actorUri, String name) {
        Actor actor = callers.actor(actorUri);
        actor.requireAdministrator("remove a chat policy");
        ChatPolicy policy =
                policies.findByName(name).orElseThrow(() -> ChatException.notFound("no chat policy " + name));
        if (policy.isGlobal()) {
            throw ChatException.conflict("the Global policy cannot be removed");
        }
        List<ChatUser> assigned = users.withPolicy(policy);
        assigned.forEach(user -> user.assignPolicy(actor, null));
        policies.remove(policy);
        accessChanges.everyone();
        return assigned.size();
    }

    /** The users a named policy is assigned to, by URI (Global has everyone else, so it names nobody). */
    public List<String> usersOf(String actorUri, String name) {
        callers.actor(actorUri).requireAdministrator("see whom a chat policy applies to");
        ChatPolicy policy =
                policies.findByName(name).orElseThrow(() -> ChatException.notFound("no chat policy " + name));
        if (policy.isGlobal()) {
            return List.of();
        }
        return users.withPolicy(policy).stream()
                .map(user -> user.uri().value())
                .sorted()
                .toList();
    }

    public boolean isAdministrator(String userUri) {
        return callers.isAdministrator(userUri);
    }

    public List<String> administrators() {
        return users.administrators().stream().map(user -> user.uri().value()).toList();
    }

    private ChatUser userRecord(SipUri uri) {
        return users.find(uri).orElseGet(() -> {
            ChatUser user = new ChatUser(uri);
            users.add(user);
            return user;
        });
    }
}
