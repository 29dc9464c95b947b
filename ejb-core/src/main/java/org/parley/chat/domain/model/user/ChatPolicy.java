package org.parley.chat.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.parley.chat.domain.shared.Name;

/**
 * A Persistent Chat policy (CsPersistentChatPolicy in the product): whether users it applies to may use
 * Persistent Chat at all. {@value #GLOBAL} applies to every user without a policy of their own; other
 * named policies are assigned to users one by one.
 */
@Entity
@Table(name = "chat_policy")
public class ChatPolicy {

    public static final String GLOBAL = "Global";
    public static final int MAX_NAME_LENGTH = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_policy_id")
    @SequenceGenerator(name = "chat_policy_id", sequenceName = "chat_policy_seq", allocationSize = 50)
    private Long id;

    @Embedded
    private Name name;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ChatPolicy() {}

    private ChatPolicy(String name, boolean enabled) {
        this.name = Name.of(name, "policy name", MAX_NAME_LENGTH);
        this.enabled = enabled;
    }

    /** The policy that applies to everyone without one of their own; created once, at the first start. */
    public static ChatPolicy global(boolean enabled) {
        return new ChatPolicy(GLOBAL, enabled);
    }

    public static ChatPolicy define(Actor by, String name, boolean enabled) {
        by.requireAdministrator("define a chat policy");
        return new ChatPolicy(name, enabled);
    }

    public void change(Actor by, boolean enabled) {
        by.requireAdministrator("change a chat policy");
        this.enabled = enabled;
    }

    public boolean enablesChat() {
        return enabled;
    }

    public boolean isGlobal() {
        return name.sameAs(GLOBAL);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name.text();
    }
}
