package org.parley.chat.domain.model.user;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.parley.chat.domain.shared.Name;
import org.parley.chat.domain.shared.Texts;

/**
 * A named set of users that categories and rooms can grant rights to as one principal, standing in for
 * the directory (Active Directory) groups of the original product.
 */
@Entity
@Table(name = "user_group")
public class UserGroup {

    public static final int MAX_NAME_LENGTH = 128;
    public static final int MAX_DESCRIPTION_LENGTH = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_group_id")
    @SequenceGenerator(name = "user_group_id", sequenceName = "user_group_seq", allocationSize = 50)
    private Long id;

    @Embedded
    private Name name;

    @Column(name = "description", length = MAX_DESCRIPTION_LENGTH)
    private String description;

    @ElementCollection
    @CollectionTable(name = "user_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "member_uri", nullable = false, length = SipUri.MAX_LENGTH)
    private Set<SipUri> members = new HashSet<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserGroup() {}

    private UserGroup(String name, String description) {
        this.name = Name.of(name, "group name", MAX_NAME_LENGTH);
        this.description = Texts.optional(description, "group description", MAX_DESCRIPTION_LENGTH);
    }

    public static UserGroup create(Actor by, String name, String description) {
        by.requireAdministrator("create a user group");
        return new UserGroup(name, description);
    }

    public void addMember(Actor by, SipUri user) {
        by.requireAdministrator("change a user group");
        members.add(user);
    }

    public void removeMember(Actor by, SipUri user) {
        by.requireAdministrator("change a user group");
        members.remove(user);
    }

    public void describe(Actor by, String description) {
        by.requireAdministrator("change a user group");
        this.description = Texts.optional(description, "group description", MAX_DESCRIPTION_LENGTH);
    }

    public Principal principal() {
        return new Principal(Principal.Kind.GROUP, name.key());
    }

    public String name() {
        return name.text();
    }

    public String description() {
        return description;
    }

    public Set<SipUri> members() {
        return Set.copyOf(members);
    }
}
