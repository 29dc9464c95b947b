package org.parley.chat.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What the store knows about a user beyond their address: a policy of their own (overriding Global) and
 * whether they are a Persistent Chat administrator. Users need no row to chat: a user without one has
 * the Global policy and no administrator rights. (The table is not called "user", an SQL reserved word.)
 */
@Entity
@Table(name = "chat_user")
public class ChatUser {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_user_id")
    @SequenceGenerator(name = "chat_user_id", sequenceName = "chat_user_seq", allocationSize = 50)
    private Long id;

    @Column(name = "uri", nullable = false, unique = true, length = SipUri.MAX_LENGTH)
    private SipUri uri;

    @Column(name = "administrator", nullable = false)
    private boolean administrator;

    /** Null: the Global policy applies. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "policy_id")
    private ChatPolicy policy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ChatUser() {}

    public ChatUser(SipUri uri) {
        this.uri = uri;
    }

    /** Administrators named in the server configuration; there is no actor yet to authorise it. */
    public static ChatUser bootstrapAdministrator(SipUri uri) {
        ChatUser user = new ChatUser(uri);
        user.administrator = true;
        return user;
    }

    /** Administrators named in the server configuration are (re)granted at every start, never revoked there. */
    public void confirmBootstrapAdministrator() {
        administrator = true;
    }

    public void setAdministrator(Actor by, boolean administrator) {
        by.requireAdministrator("grant or revoke administrator rights");
        this.administrator = administrator;
    }

    /** @param policy the user's own policy, or null to fall back to Global */
    public void assignPolicy(Actor by, ChatPolicy policy) {
        by.requireAdministrator("assign a chat policy");
        this.policy = policy == null || policy.isGlobal() ? null : policy;
    }

    public ChatPolicy effectivePolicy(ChatPolicy global) {
        return policy == null ? global : policy;
    }

    /** The user's own policy, or null when the Global policy applies. */
    public ChatPolicy ownPolicy() {
        return policy;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public SipUri uri() {
        return uri;
    }
}
